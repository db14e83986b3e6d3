using System.Net;

namespace IronicCore.Api.Tests.States;

/// <summary>The boot device goes through the node's management interface, which answers as Ironic's does.</summary>
public sealed class ManagementTests
{
    private const string Ipmi = ", \"driver_info\": {\"ipmi_address\": \"10.0.0.9\", \"ipmi_password\": \"p\"}";

    private static async Task<string[]> Supported(IronicClient client, string node) =>
        [.. (await client.Get($"/v1/nodes/{node}/management/boot_device/supported")).Json["supported_boot_devices"]!.AsArray().Select(d => d!.GetValue<string>())];

    [Test]
    public async Task FakeManagement_SupportsPxeOnly_AndAlwaysReportsPxeNotPersistent()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var set = await client.Put("/v1/nodes/n1/management/boot_device", "{\"boot_device\": \"pxe\", \"persistent\": true}");
        var shown = await client.Get("/v1/nodes/n1/management/boot_device");
        var disk = await client.Put("/v1/nodes/n1/management/boot_device", "{\"boot_device\": \"disk\"}");
        var toaster = await client.Put("/v1/nodes/n1/management/boot_device", "{\"boot_device\": \"toaster\"}");

        Assert.That(set.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(shown.Body, Is.EqualTo("{\"boot_device\":\"pxe\",\"persistent\":false}"));
        Assert.That(await Supported(client, "n1"), Is.EqualTo(new[] { "pxe" }));
        Assert.That(disk.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(disk.Fault, Is.EqualTo("Invalid boot device disk specified."));
        Assert.That(toaster.Fault, Is.EqualTo("Invalid boot device toaster specified."));
    }

    [Test]
    public async Task NoopManagement_SupportsPxeAndDisk_ReportsPxePersistent_RefusesOthersListingThem()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1", ", \"management_interface\": \"noop\"");

        var disk = await client.Put("/v1/nodes/n1/management/boot_device", "{\"boot_device\": \"disk\"}");
        var cdrom = await client.Put("/v1/nodes/n1/management/boot_device", "{\"boot_device\": \"cdrom\"}");
        var shown = await client.Get("/v1/nodes/n1/management/boot_device");

        Assert.That(disk.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(factory.Conductor.GetMachine("n1").BootDevice, Is.EqualTo(IronicCore.Drivers.BootDevice.Disk), "the machine boots what noop was told");
        Assert.That(cdrom.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(cdrom.Fault, Is.EqualTo("Invalid boot device cdrom specified, supported are pxe, disk."));
        Assert.That(shown.Body, Is.EqualTo("{\"boot_device\":\"pxe\",\"persistent\":true}"));
        Assert.That(await Supported(client, "n1"), Is.EqualTo(new[] { "pxe", "disk" }));
    }

    [Test]
    public async Task Ipmitool_ReadsTheBmcsBootFlags_NothingUntilSet_ThenWhatWasSet()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();
        var uuid = (await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"b1\"" + Ipmi + "}")).Json["uuid"]!.GetValue<string>();

        var before = await client.Get("/v1/nodes/b1/management/boot_device");
        var set = await client.Put("/v1/nodes/b1/management/boot_device", "{\"boot_device\": \"cdrom\", \"persistent\": \"true\"}");
        var after = await client.Get("/v1/nodes/b1/management/boot_device");
        var wanboot = await client.Put("/v1/nodes/b1/management/boot_device", "{\"boot_device\": \"wanboot\"}");

        Assert.That(before.Body, Is.EqualTo("{\"boot_device\":null,\"persistent\":false}"));
        Assert.That(set.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(after.Body, Is.EqualTo("{\"boot_device\":\"cdrom\",\"persistent\":true}"));
        Assert.That(wanboot.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(wanboot.Fault, Is.EqualTo("Invalid boot device wanboot specified."));
        Assert.That(await Supported(client, "b1"), Is.EqualTo(new[] { "pxe", "disk", "cdrom", "bios", "safe" }));
        Assert.That(factory.Conductor.GetMachine(uuid).BootDevice, Is.EqualTo(IronicCore.Drivers.BootDevice.Cdrom));
    }

    [Test]
    public async Task Ipmitool_ValidatesDriverInfoFirst_AndAnUnreachableBmcIsIpmiFailure_NothingChanges()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();
        await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"bare\"}");
        var uuid = (await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"b1\"" + Ipmi + "}")).Json["uuid"]!.GetValue<string>();
        factory.Conductor.GetMachine(uuid).Reachable = false;

        var noAddress = await client.Put("/v1/nodes/bare/management/boot_device", "{\"boot_device\": \"pxe\"}");
        var unreachable = await client.Put("/v1/nodes/b1/management/boot_device", "{\"boot_device\": \"disk\"}");
        var unreadable = await client.Get("/v1/nodes/b1/management/boot_device");
        var supported = await client.Get("/v1/nodes/b1/management/boot_device/supported");

        Assert.That(noAddress.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(noAddress.Fault, Is.EqualTo("Missing the following IPMI credentials in node's driver_info: ['ipmi_address']."));
        Assert.That(unreachable.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(unreachable.Fault, Does.StartWith("IPMI call failed: "));
        Assert.That(unreadable.Fault, Is.EqualTo("IPMI call failed: chassis bootparam get 5."));
        Assert.That(supported.Status, Is.EqualTo(HttpStatusCode.OK), "the supported list does not ask the BMC");
        Assert.That(factory.Conductor.GetMachine(uuid).BootDevice, Is.Null);
    }

    [Test]
    public async Task BootDevice_UnknownNode404_MissingDevice400_UnknownKey400()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var unknown = await client.Get("/v1/nodes/nosuch/management/boot_device/supported");
        var missing = await client.Put("/v1/nodes/n1/management/boot_device", "{\"persistent\": true}");
        var extra = await client.Put("/v1/nodes/n1/management/boot_device", "{\"boot_device\": \"pxe\", \"foo\": 1}");

        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Fault, Is.EqualTo("Missing mandatory parameter: boot_device"));
        Assert.That(extra.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Drivers_ListIpmiAndRedfishBesideFakeHardware_IpmiWithItsOwnInterfaces()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();

        var names = (await client.Get("/v1/drivers")).Json["drivers"]!.AsArray().Select(d => d!["name"]!.GetValue<string>());
        var ipmi = (await client.Get("/v1/drivers/ipmi")).Json;
        var node = (await client.Post("/v1/nodes", "{\"driver\": \"ipmi\"" + Ipmi + "}")).Json;
        var noop = await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"management_interface\": \"noop\"}");

        Assert.That(names, Is.EqualTo(new[] { "fake-hardware", "ipmi", "redfish" }));
        Assert.That(ipmi["default_management_interface"]!.GetValue<string>(), Is.EqualTo("ipmitool"));
        Assert.That(ipmi["default_power_interface"]!.GetValue<string>(), Is.EqualTo("ipmitool"));
        Assert.That(ipmi["default_deploy_interface"]!.GetValue<string>(), Is.EqualTo("direct"));
        Assert.That(node["management_interface"]!.GetValue<string>(), Is.EqualTo("ipmitool"));
        Assert.That(node["console_interface"]!.GetValue<string>(), Is.EqualTo("no-console"));
        Assert.That(node["rescue_interface"]!.GetValue<string>(), Is.EqualTo("no-rescue"));
        Assert.That(noop.Fault, Is.EqualTo("management interface implementation 'noop' is not supported by hardware type ipmi."));
    }

    [Test]
    public async Task Validate_IpmiNode_ChecksDriverInfo_AndItsNoInterfacesAreUnsupported()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();
        await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"bare\"}");
        await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"bad\", \"driver_info\": {\"ipmi_address\": \"10.0.0.9\", \"ipmi_port\": \"99999\"}}");
        await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"good\"" + Ipmi + "}");

        var bare = (await client.Get("/v1/nodes/bare/validate")).Json;
        var bad = (await client.Get("/v1/nodes/bad/validate")).Json;
        var good = (await client.Get("/v1/nodes/good/validate")).Json;

        const string missing = "Missing the following IPMI credentials in node's driver_info: ['ipmi_address'].";
        Assert.That(bare["power"]!["result"]!.GetValue<bool>(), Is.False);
        Assert.That(bare["power"]!["reason"]!.GetValue<string>(), Is.EqualTo(missing));
        Assert.That(bare["management"]!["reason"]!.GetValue<string>(), Is.EqualTo(missing));
        Assert.That(bad["power"]!["reason"]!.GetValue<string>(), Is.EqualTo("ipmi_port \"99999\" is not a valid port."));
        foreach (var name in new[] { "boot", "deploy", "management", "network", "power", "storage" })
        {
            Assert.That(good[name]!["result"]!.GetValue<bool>(), Is.True, name);
        }

        foreach (var name in new[] { "bios", "console", "inspect", "raid", "rescue" })
        {
            Assert.That(good[name]!["reason"]!.GetValue<string>(), Is.EqualTo($"Driver ipmi does not support {name} (disabled or not implemented)."), name);
        }
    }

    [Test]
    public async Task Validate_FakeHardware_PassesExceptNoRescue()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1", ", \"rescue_interface\": \"no-rescue\"");

        var answer = (await client.Get("/v1/nodes/n1/validate")).Json.AsObject();

        Assert.That(answer.Where(p => p.Key != "rescue").Select(p => p.Value!["result"]!.GetValue<bool>()), Is.All.True);
        Assert.That(answer["rescue"]!["reason"]!.GetValue<string>(), Is.EqualTo("Driver fake-hardware does not support rescue (disabled or not implemented)."));
    }
}
