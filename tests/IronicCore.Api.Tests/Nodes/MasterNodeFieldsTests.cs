using System.Net;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Tests.Nodes;

/// <summary>The node fields Ironic master adds after 1.89: disable_power_off (1.95), instance_name (1.104), health (1.109).</summary>
public sealed class MasterNodeFieldsTests
{
    [Test]
    public async Task DisablePowerOff_From1_95_IsStored_AndPowerOffIsRefused409()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.95");
        await client.CreateNode("n1", ", \"disable_power_off\": \"true\"");
        await client.Put("/v1/nodes/n1/states/power", "{\"target\": \"power on\"}");

        var off = await client.Put("/v1/nodes/n1/states/power", "{\"target\": \"power off\"}");
        var reboot = await client.Put("/v1/nodes/n1/states/power", "{\"target\": \"rebooting\"}");

        Assert.That((await client.Node("n1"))["disable_power_off"]!.GetValue<bool>(), Is.True);
        Assert.That(off.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(off.Fault, Is.EqualTo("Failed to set node power state to power off."));
        Assert.That(reboot.Status, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task DisablePowerOff_Below1_95_Is406InRequests_AndHiddenInAnswers()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.94");
        await client.CreateNode("n1");

        var create = await client.Post("/v1/nodes", "{\"driver\": \"fake-hardware\", \"disable_power_off\": true}");
        var patch = await client.Patch("/v1/nodes/n1", "[{\"op\": \"replace\", \"path\": \"/disable_power_off\", \"value\": true}]");
        var removed = await client.Patch("/v1/nodes/n1", "[{\"op\": \"remove\", \"path\": \"/disable_power_off\"}]", version: "1.95");

        Assert.That(create.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(patch.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That((await client.Node("n1")).ContainsKey("disable_power_off"), Is.False);
        Assert.That(removed.Json["disable_power_off"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task InstanceName_From1_104_IsStoredFilteredAndChecked()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.104");
        var web = await client.CreateNode("n1", ", \"instance_name\": \"web-1\"");
        await client.CreateNode("n2");

        var filtered = await client.Get("/v1/nodes?instance_name=web-1");
        var empty = await client.Patch("/v1/nodes/n2", "[{\"op\": \"add\", \"path\": \"/instance_name\", \"value\": \"\"}]");
        var tooLong = await client.Patch("/v1/nodes/n2", $"[{{\"op\": \"add\", \"path\": \"/instance_name\", \"value\": \"{new string('x', 256)}\"}}]");
        var oldFilter = await client.Get("/v1/nodes?instance_name=web-1", version: "1.103");

        Assert.That(filtered.Json["nodes"]!.AsArray().Select(n => n!["uuid"]!.GetValue<string>()), Is.EqualTo(new[] { web }));
        Assert.That(empty.Fault, Is.EqualTo("Schema error for node: '' is too short"));
        Assert.That(tooLong.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await client.Node("n2"))["instance_name"], Is.Null);
        Assert.That(oldFilter.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
    }

    [Test]
    public async Task InstanceInfoDisplayName_SetsAMissingInstanceName_AtAnyVersion_AndUndeployClearsBoth()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.78");
        await client.CreateNode("n1");
        await Lifecycle.ToActive(client, "n1");

        await client.Patch("/v1/nodes/n1", "[{\"op\": \"add\", \"path\": \"/instance_info\", \"value\": {\"display_name\": \"nova-vm\"}}]");
        var named = (await client.Get("/v1/nodes/n1", version: "1.104")).Json["instance_name"]!.GetValue<string>();
        await client.Patch("/v1/nodes/n1", "[{\"op\": \"add\", \"path\": \"/instance_info/display_name\", \"value\": \"renamed\"}]");
        var kept = (await client.Get("/v1/nodes/n1", version: "1.104")).Json["instance_name"]!.GetValue<string>();
        await Lifecycle.Expect(client.Provision("n1", "deleted"));
        await Lifecycle.Settled(client, "n1", "available");
        var after = (await client.Get("/v1/nodes/n1", version: "1.104")).Json;

        Assert.That(named, Is.EqualTo("nova-vm"));
        Assert.That(kept, Is.EqualTo("nova-vm"), "only a missing instance_name is taken from display_name");
        Assert.That(after["instance_name"], Is.Null);
        Assert.That(after["instance_info"]!.AsObject(), Is.Empty);
    }

    [Test]
    public async Task Health_From1_109_IsNullForAFakeHardwareNode_ReadOnly_AndAbsentBelow()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.109");
        await client.CreateNode("n1");

        var node = await client.Node("n1");
        var old = (JsonObject)(await client.Get("/v1/nodes/n1", version: "1.108")).Json;
        var patch = await client.Patch("/v1/nodes/n1", "[{\"op\": \"add\", \"path\": \"/health\", \"value\": \"OK\"}]");

        Assert.That(node.ContainsKey("health"), Is.True);
        Assert.That(node["health"], Is.Null);
        Assert.That(old.ContainsKey("health"), Is.False);
        Assert.That(patch.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
