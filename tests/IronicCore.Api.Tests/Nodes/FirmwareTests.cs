using System.Net;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Tests.Nodes;

public sealed class FirmwareTests
{
    [Test]
    public async Task Firmware_IsAnEmptyList_ForFakeAndIpmiNodes_From1_86()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client("1.86");
        await client.CreateNode("fake");
        await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"bmc\"}");

        var fake = await client.Get("/v1/nodes/fake/firmware");
        var ipmi = await client.Get("/v1/nodes/bmc/firmware?fields=component,current_version");
        var old = await client.Get("/v1/nodes/fake/firmware", "1.85");

        Assert.That(fake.Status, Is.EqualTo(HttpStatusCode.OK), fake.Body);
        Assert.That(fake.Body, Is.EqualTo("{\"firmware\":[]}"));
        Assert.That(ipmi.Body, Is.EqualTo("{\"firmware\":[]}"));
        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("1.113", "?fields=component,vendor,model", "Fields model, vendor are not allowed in this API version. They require at least API version 1.114.")]
    [TestCase("1.114", "?fields=colour", "Schema error: 'colour' is not one of ['created_at', 'updated_at', 'component', 'initial_version', 'current_version', 'last_version_flashed', 'vendor', 'model', 'serial_number']")]
    [TestCase("1.114", "?detail=true", "Schema error: 'true' is not of type 'boolean'")]
    [TestCase("1.114", "?limit=1", "Unexpected arguments: limit")]
    public async Task BadQuery_Is400WithIronicsMessage(string version, string query, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(version);
        await client.CreateNode("n1");

        var answer = await client.Get("/v1/nodes/n1/firmware" + query);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
    }

    [Test]
    public async Task IdentityFields_MayBeAskedFor_From1_114_AndAnUnknownNodeIs404()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.114");
        await client.CreateNode("n1");

        var identity = await client.Get("/v1/nodes/n1/firmware?fields=vendor,model,serial_number");
        var missing = await client.Get("/v1/nodes/nope/firmware");

        Assert.That(identity.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(missing.Fault, Is.EqualTo("Node nope could not be found."));
    }

    [Test]
    public async Task Firmware_ListsTheComponentsTheRedfishInterfaceCached_AtVerification()
    {
        using var factory = SimulatorFactory.WithIpmi(IronicCore.States.IronicRelease.Release2025_1);
        using var client = factory.Client("1.86");
        await Lifecycle.Expect(client.Post(
            "/v1/nodes",
            "{\"driver\": \"redfish\", \"name\": \"r1\", \"driver_info\": {\"redfish_address\": \"https://10.1.0.5\", \"redfish_username\": \"admin\", \"redfish_password\": \"pw\"}}"),
            HttpStatusCode.Created);
        await Lifecycle.Expect(client.Provision("r1", "manage"));
        await Lifecycle.Settled(client, "r1", "manageable");

        var answer = await client.Get("/v1/nodes/r1/firmware");
        var list = JsonNode.Parse(answer.Body)!["firmware"]!.AsArray();

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        Assert.That(list.Select(c => $"{c!["component"]} {c["initial_version"]} {c["current_version"]} {c["last_version_flashed"]}"), Is.EqualTo(new[] { "bios 1.0.0 1.0.0 ", "bmc 1.00 1.00 " }));
        Assert.That(list[0]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "created_at", "updated_at", "component", "initial_version", "current_version", "last_version_flashed" }));
    }

    [Test]
    public async Task FirmwareInterface_IsRedfishForRedfishNodes_AndAnotherIsRefusedAsUnsupported()
    {
        using var factory = SimulatorFactory.WithIpmi(IronicCore.States.IronicRelease.Release2025_1);
        using var client = factory.Client("1.86");
        const string Info = "\"driver_info\": {\"redfish_address\": \"https://10.1.0.5\"}";
        await Lifecycle.Expect(client.Post("/v1/nodes", "{\"driver\": \"redfish\", \"name\": \"r1\", " + Info + "}"), HttpStatusCode.Created);
        await Lifecycle.Expect(client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"i1\"}"), HttpStatusCode.Created);

        var refused = await client.Post("/v1/nodes", "{\"driver\": \"redfish\", \"name\": \"r2\", \"firmware_interface\": \"no-firmware\", " + Info + "}");

        Assert.That((await client.Node("r1"))["firmware_interface"]!.GetValue<string>(), Is.EqualTo("redfish"));
        Assert.That((await client.Node("i1"))["firmware_interface"]!.GetValue<string>(), Is.EqualTo("no-firmware"));
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Fault, Is.EqualTo("firmware interface implementation 'no-firmware' is not supported by hardware type redfish."));
    }
}
