using System.Net;

namespace IronicCore.Api.Tests.Nodes;

public sealed class NodePatchTests
{
    [Test]
    public async Task CliNodeSet_WithStringBooleansAndNestedPaths_UpdatesTheNode()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answer = await client.Patch("/v1/nodes/n1", """
            [{"op": "add", "path": "/automated_clean", "value": "True"},
             {"op": "add", "path": "/properties/cpus", "value": 4},
             {"op": "add", "path": "/extra/foo", "value": "bar"},
             {"op": "add", "path": "/driver_info/k", "value": "v"},
             {"op": "replace", "path": "/description", "value": "rack 4"}]
            """);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        Assert.That(answer.Json["automated_clean"]!.GetValue<bool>(), Is.True);
        Assert.That(answer.Json["properties"]!["cpus"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(answer.Json["extra"]!["foo"]!.GetValue<string>(), Is.EqualTo("bar"));
        Assert.That(answer.Json["driver_info"]!["k"]!.GetValue<string>(), Is.EqualTo("v"));
        Assert.That(answer.Json["description"]!.GetValue<string>(), Is.EqualTo("rack 4"));
        Assert.That(answer.Json["updated_at"], Is.Not.Null);
    }

    [Test]
    public async Task RemoveWholeDictField_LeavesAnEmptyObject_AndRename()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1", ", \"extra\": {\"foo\": \"bar\"}");

        var answer = await client.Patch("/v1/nodes/n1", "[{\"op\": \"remove\", \"path\": \"/extra\"}, {\"op\": \"replace\", \"path\": \"/name\", \"value\": \"n9\"}]");

        Assert.That(answer.Json["extra"]!.AsObject(), Is.Empty);
        Assert.That((await client.Get("/v1/nodes/n9")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.Get("/v1/nodes/n1")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task MaintenanceFalseByPatch_ClearsTheReason()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");
        await Lifecycle.Expect(client.Put("/v1/nodes/n1/maintenance", "{\"reason\": \"disk\"}"));

        var answer = await client.Patch("/v1/nodes/n1", "[{\"op\": \"replace\", \"path\": \"/maintenance\", \"value\": \"false\"}]");

        Assert.That(answer.Json["maintenance"]!.GetValue<bool>(), Is.False);
        Assert.That(answer.Json["maintenance_reason"], Is.Null);
    }

    [TestCase("{\"op\": \"add\", \"path\": \"/extra/foo\", \"value\": 1}", HttpStatusCode.BadRequest, "Schema error for patch: {'op': 'add', 'path': '/extra/foo', 'value': 1} is not of type 'array'")]
    [TestCase("[{\"op\": \"move\", \"from\": \"/extra/a\", \"path\": \"/extra/b\"}]", HttpStatusCode.BadRequest, "Schema error for patch: Additional properties are not allowed ('from' was unexpected)")]
    [TestCase("[{\"op\": \"replace\", \"path\": \"/uuid\", \"value\": \"x\"}]", HttpStatusCode.BadRequest, "Cannot patch /uuid. Only the following can be updated: automated_clean, bios_interface, boot_interface, chassis_uuid, conductor_group, console_interface, deploy_interface, description, disable_power_off, driver, driver_info, extra, inspect_interface, instance_info, instance_name, instance_uuid, lessee, maintenance, management_interface, name, network_data, network_interface, owner, power_interface, properties, protected, protected_reason, raid_interface, rescue_interface, resource_class, retired, retired_reason, shard, storage_interface, vendor_interface, parent_node, firmware_interface")]
    [TestCase("[{\"op\": \"add\", \"path\": \"/extra/a/b\", \"value\": 1}]", HttpStatusCode.BadRequest, "Couldn't apply patch '{'op': 'add', 'path': '/extra/a/b', 'value': 1}'. Reason: member 'a' not found in {}")]
    [TestCase("[{\"op\": \"remove\", \"path\": \"/extra/foo\"}]", HttpStatusCode.BadRequest, "Couldn't apply patch '{'op': 'remove', 'path': '/extra/foo'}'. Reason: can't remove a non-existent object 'foo'")]
    [TestCase("[{\"op\": \"add\", \"path\": \"/protected\", \"value\": true}]", HttpStatusCode.Conflict, "Node {uuid} can only be made protected in provision states 'active' or 'rescue', the current state is 'enroll'")]
    [TestCase("[{\"op\": \"add\", \"path\": \"/protected_reason\", \"value\": \"x\"}]", HttpStatusCode.BadRequest, "The protected_reason field can only be set when protected is True")]
    [TestCase("[{\"op\": \"add\", \"path\": \"/name\", \"value\": \"bad name\"}]", HttpStatusCode.BadRequest, "Node n1: Cannot change name to invalid name 'bad name'")]
    [TestCase("[{\"op\": \"add\", \"path\": \"/driver\", \"value\": \"nosuch\"}]", HttpStatusCode.BadRequest, "No valid host was found. Reason: No conductor service registered which supports driver nosuch for conductor group \"\".")]
    [TestCase("[{\"op\": \"add\", \"path\": \"/description\", \"value\": 5}]", HttpStatusCode.BadRequest, "Schema error for node: 5 is not of type 'string', 'null'")]
    [TestCase("[{\"op\": \"add\", \"path\": \"/extra/ok\", \"value\": 1}, {\"op\": \"add\", \"path\": \"/retired\", \"value\": \"maybe\"}]", HttpStatusCode.BadRequest, "Invalid retired: Unrecognized value 'maybe', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'")]
    public async Task BadPatch_GetsIronicsError_AndChangesNothing(string patch, HttpStatusCode status, string message)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");
        var before = (await client.Node("n1")).ToJsonString();

        var answer = await client.Patch("/v1/nodes/n1", patch);

        Assert.That(answer.Status, Is.EqualTo(status), answer.Body);
        Assert.That(answer.Fault, Is.EqualTo(message.Replace("{uuid}", uuid, StringComparison.Ordinal)));
        Assert.That((await client.Node("n1")).ToJsonString(), Is.EqualTo(before));
    }

    [Test]
    public async Task PatchDuringATransition_Is409()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1", ", \"deploy_interface\": \"direct\", \"automated_clean\": false");
        await Lifecycle.ToAvailable(client, "n1");
        await Lifecycle.Expect(client.Provision("n1", "active"));
        Assert.That((await client.Node("n1"))["provision_state"]!.GetValue<string>(), Is.EqualTo("wait call-back"));

        var answer = await client.Patch("/v1/nodes/n1", "[{\"op\": \"add\", \"path\": \"/extra/a\", \"value\": 1}]");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(answer.Fault, Is.EqualTo("Node n1 can not be updated while a state transition is in progress."));
    }
}
