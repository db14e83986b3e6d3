using System.Collections.Immutable;
using System.Net;
using IronicCore.Drivers;

namespace IronicCore.Api.Tests.Drivers;

/// <summary>
/// The API over a conductor given Ironic's driver configuration (<see cref="Conductor.EnableDrivers"/>,
/// what <c>serve --config-file</c> applies): only enabled hardware types are listed and served, an
/// implementation not enabled is Ironic's <c>InterfaceNotFoundInEntrypoint</c>, and nodes take
/// <c>driver_factory.default_interface</c>'s defaults.
/// </summary>
public sealed class DriverEnablementApiTests
{
    // Ironic 21.4's defaults (ipmi and redfish; boot ipxe, pxe, redfish-virtual-media ...) with the
    // vendor interface the simulation runs.
    private static SimulatorFactory IronicDefaults()
    {
        var factory = SimulatorFactory.WithIpmi(IronicCore.States.IronicRelease.Release21_4);
        factory.Conductor.EnableDrivers(new DriverEnablement { DefaultInterfaces = ImmutableDictionary<string, string>.Empty.Add("vendor", "no-vendor") });
        return factory;
    }

    [Test]
    public async Task DriverList_HasOnlyTheEnabledSimulatedTypes_WithTheirEnabledInterfaces()
    {
        using var factory = IronicDefaults();
        using var client = factory.Client();

        var list = await client.Get("/v1/drivers");
        var ipmi = await client.Get("/v1/drivers/ipmi");
        var fake = await client.Get("/v1/drivers/fake-hardware");

        Assert.Multiple(() =>
        {
            Assert.That(list.Json["drivers"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "ipmi", "redfish" }));
            Assert.That(ipmi.Json["default_boot_interface"]!.GetValue<string>(), Is.EqualTo("ipxe"));
            Assert.That(ipmi.Json["enabled_boot_interfaces"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "ipxe", "pxe" }));
            Assert.That(ipmi.Json["default_storage_interface"]!.GetValue<string>(), Is.EqualTo("noop"));
            Assert.That(fake.Status, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task CreatingANodeOfADisabledHardwareType_IsNoValidHost400()
    {
        using var factory = IronicDefaults();
        using var client = factory.Client();

        var answer = await client.Post("/v1/nodes", """{"driver": "fake-hardware"}""");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(
            "No valid host was found. Reason: No conductor service registered which supports driver fake-hardware for conductor group \"\"."));
    }

    [Test]
    public async Task AnInterfaceNotEnabled_IsInterfaceNotFoundInEntrypoint400_OnCreateAndPatch()
    {
        using var factory = IronicDefaults();
        using var client = factory.Client();

        var create = await client.Post("/v1/nodes", """{"driver": "ipmi", "rescue_interface": "agent"}""");
        var node = await client.Post("/v1/nodes", """{"driver": "ipmi", "name": "n"}""");
        var patch = await client.Patch("/v1/nodes/n", """[{"op": "replace", "path": "/raid_interface", "value": "fake"}]""");

        const string Rescue = "Could not find the following interface in the 'ironic.hardware.interfaces.rescue' entrypoint: agent. Valid interfaces are ['no-rescue'].";
        Assert.Multiple(() =>
        {
            Assert.That((create.Status, create.Fault), Is.EqualTo((HttpStatusCode.BadRequest, Rescue)));
            Assert.That(node.Json["boot_interface"]!.GetValue<string>(), Is.EqualTo("ipxe"), "the default Ironic computes from the enabled lists");
            Assert.That(patch.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(patch.Fault, Is.EqualTo(
                "Could not find the following interface in the 'ironic.hardware.interfaces.raid' entrypoint: fake. Valid interfaces are ['agent', 'no-raid', 'redfish']."));
        });
    }

    [Test]
    public async Task WithoutAConfiguration_AnIpmiNodeMayAskForIpxe_AndPatchBackToPxe()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();

        var created = await client.Post("/v1/nodes", """{"driver": "ipmi", "name": "n", "boot_interface": "ipxe"}""");
        var patched = await client.Patch("/v1/nodes/n", """[{"op": "replace", "path": "/boot_interface", "value": "pxe"}]""");
        var ipmi = await client.Get("/v1/drivers/ipmi");

        Assert.Multiple(() =>
        {
            Assert.That(created.Json["boot_interface"]!.GetValue<string>(), Is.EqualTo("ipxe"));
            Assert.That(patched.Json["boot_interface"]!.GetValue<string>(), Is.EqualTo("pxe"));
            Assert.That(ipmi.Json["enabled_boot_interfaces"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "pxe", "ipxe" }));
        });
    }
}
