using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.Drivers;

/// <summary>
/// <c>GET /v1/drivers/{name}/properties</c> answers the hardware type's <c>get_properties()</c>:
/// what each interface's default implementation documents, with Ironic's descriptions (the same in
/// 21.4, 29.0 and master).
/// </summary>
public sealed class DriverPropertiesTests
{
    private static readonly string[] IpmiProperties =
    [
        "agent_verify_ca", "deploy_forces_oob_reboot", "deploy_kernel", "deploy_ramdisk", "force_persistent_boot_device", "image_download_source",
        "image_http_proxy", "image_https_proxy", "image_no_proxy", "ipmi_address", "ipmi_bridging", "ipmi_cipher_suite", "ipmi_disable_boot_timeout",
        "ipmi_force_boot_device", "ipmi_hex_kg_key", "ipmi_local_address", "ipmi_password", "ipmi_port", "ipmi_priv_level", "ipmi_protocol_version",
        "ipmi_target_address", "ipmi_target_channel", "ipmi_transit_address", "ipmi_transit_channel", "ipmi_username", "kernel_append_params",
        "rescue_kernel", "rescue_ramdisk",
    ];

    public static IEnumerable<IronicRelease> Releases => Enum.GetValues<IronicRelease>();

    [TestCaseSource(nameof(Releases))]
    public async Task FakeHardware_DocumentsItsFakeVendorInterfacesProperties(IronicRelease release)
    {
        using var factory = SimulatorFactory.WithIpmi(release);
        using var client = factory.Client();

        var answer = await client.Get("/v1/drivers/fake-hardware/properties");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Json.ToJsonString(), Is.EqualTo("""{"B1":"B1 description. Required.","B2":"B2 description. Required."}"""));
    }

    [TestCaseSource(nameof(Releases))]
    public async Task Ipmi_DocumentsIpmitoolPxeAndTheDirectDeploy_WithIronicsDescriptions(IronicRelease release)
    {
        using var factory = SimulatorFactory.WithIpmi(release);
        using var client = factory.Client();

        var properties = (await client.Get("/v1/drivers/ipmi/properties")).Json.AsObject();

        Assert.That(properties.Select(p => p.Key).Order(StringComparer.Ordinal), Is.EqualTo(IpmiProperties));
        Assert.That(properties["ipmi_address"]!.GetValue<string>(), Is.EqualTo("IP address or hostname of the node. Required."));
        Assert.That(properties["ipmi_username"]!.GetValue<string>(), Is.EqualTo("username; default is NULL user. Optional."));
        Assert.That(properties["ipmi_password"]!.GetValue<string>(), Is.EqualTo("password. Optional."));
        Assert.That(properties["ipmi_bridging"]!.GetValue<string>(), Is.EqualTo("bridging_type; default is \"no\". One of \"single\", \"dual\", \"no\". Optional."));
        Assert.That(properties["rescue_kernel"]!.GetValue<string>(), Is.EqualTo("UUID (from Glance) of the rescue kernel. This value is required for rescue mode."));

        // PXE boot and the direct deploy both document it; the deploy interface's description is the one kept.
        Assert.That(properties["deploy_ramdisk"]!.GetValue<string>(), Is.EqualTo("UUID (from Glance) of the ramdisk with agent that is used at deploy time. Required."));
    }

    [Test]
    public async Task AnUnknownDriver_IsDriverNotFound()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var answer = await client.Get("/v1/drivers/redfish/properties");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(answer.Fault, Is.EqualTo("Could not find the following driver(s) or hardware type(s): redfish."));
    }
}
