using System.Net;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Tests.Resources;

/// <summary>Chassis, allocations, shards, events and the links of <c>/v1</c>, as Ironic's controllers answer.</summary>
public sealed class ResourceEndpointTests
{
    [Test]
    public async Task Chassis_Crud_WithNodesLinks_AndDeleteRefusedWhileANodeBelongsToIt()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.78");

        var created = await client.Post("/v1/chassis", "{\"description\": \"rack 1\", \"extra\": {\"row\": 2}}");
        var uuid = created.Json["uuid"]!.GetValue<string>();
        var node = await client.CreateNode("n1", $", \"chassis_uuid\": \"{uuid}\"");
        var list = (await client.Get("/v1/chassis")).Json["chassis"]!.AsArray();
        var nodes = (await client.Get($"/v1/chassis/{uuid}/nodes")).Json["nodes"]!.AsArray();
        var patched = await client.Patch($"/v1/chassis/{uuid}", "[{\"op\": \"replace\", \"path\": \"/description\", \"value\": \"rack 2\"}]");
        var refused = await client.Delete($"/v1/chassis/{uuid}");
        var badNode = await client.Post("/v1/nodes", "{\"driver\": \"fake-hardware\", \"chassis_uuid\": \"6f1c6a1e-0b8d-4c41-9d0e-3f0c2b6a9e99\"}");
        await client.Delete($"/v1/nodes/{node}");
        var deleted = await client.Delete($"/v1/chassis/{uuid}");
        var gone = await client.Get($"/v1/chassis/{uuid}");

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(created.Headers.Location!.ToString(), Is.EqualTo($"http://localhost/v1/chassis/{uuid}"));
            Assert.That(created.Json.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "uuid", "created_at", "updated_at", "description", "extra", "links", "nodes" }));
            Assert.That(created.Json["nodes"]![0]![0]!["href"]!.GetValue<string>(), Is.EqualTo($"http://localhost/v1/chassis/{uuid}/nodes"));
            Assert.That(list.Single()!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "uuid", "description", "links" }));
            Assert.That(nodes.Single()!["uuid"]!.GetValue<string>(), Is.EqualTo(node));
            Assert.That(patched.Json["description"]!.GetValue<string>(), Is.EqualTo("rack 2"));
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refused.Fault, Is.EqualTo("Cannot complete the requested action because chassis 1 contains nodes."));
            Assert.That(badNode.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(badNode.Fault, Is.EqualTo("Chassis 6f1c6a1e-0b8d-4c41-9d0e-3f0c2b6a9e99 could not be found."));
            Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(gone.Status, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task NodeChassis_CanBeRemovedOnlyFrom1_25()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.24");
        var uuid = (await client.Post("/v1/chassis", "{}")).Json["uuid"]!.GetValue<string>();
        await client.CreateNode("n1", $", \"chassis_uuid\": \"{uuid}\"");
        const string Remove = "[{\"op\": \"remove\", \"path\": \"/chassis_uuid\"}]";

        var old = await client.Patch("/v1/nodes/n1", Remove);
        var removed = await client.Patch("/v1/nodes/n1", Remove, version: "1.25");

        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(removed.Json["chassis_uuid"], Is.Null);
    }

    [Test]
    public async Task Chassis_RefusesUnknownFieldsAndPatchPaths_AsIronicsSchema()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.78");
        var uuid = (await client.Post("/v1/chassis", "{}")).Json["uuid"]!.GetValue<string>();

        var extra = await client.Post("/v1/chassis", "{\"name\": \"x\"}");
        var path = await client.Patch($"/v1/chassis/{uuid}", "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"x\"}]");

        Assert.That(extra.Fault, Is.EqualTo("Schema error for chassis: Additional properties are not allowed ('name' was unexpected)"));
        Assert.That(path.Fault, Is.EqualTo("Cannot patch /name. Only the following can be updated: uuid, extra, description"));
    }

    [Test]
    public async Task Allocation_PostAnswersAllocating_ThenShowsTheReservedNode_AndTheNodeItsAllocation()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.60");
        // Ironic's candidates need a known power state ('with_power_state'), which this node has from the start.
        var node = factory.Conductor.CreateNode(new IronicCore.Nodes.NodeCreateRequest
        {
            Name = "n1", ResourceClass = "gold", ProvisionState = IronicCore.States.ProvisionState.Available, PowerState = IronicCore.States.PowerState.PowerOff,
        }).Uuid;

        var created = await client.Post("/v1/allocations", "{\"resource_class\": \"gold\", \"name\": \"web-1\"}");
        var shown = (await client.Get("/v1/allocations/web-1")).Json;
        var ofNode = (await client.Get($"/v1/nodes/{node}/allocation")).Json;
        var nodeJson = await client.Node(node);
        var old = (await client.Get("/v1/allocations/web-1", version: "1.59")).Json.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created), created.Body);
            Assert.That(created.Json["state"]!.GetValue<string>(), Is.EqualTo("allocating"));
            Assert.That(created.Json["node_uuid"], Is.Null);
            Assert.That(shown["state"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(shown["node_uuid"]!.GetValue<string>(), Is.EqualTo(node));
            Assert.That(ofNode["uuid"]!.GetValue<string>(), Is.EqualTo(shown["uuid"]!.GetValue<string>()));
            Assert.That(nodeJson["allocation_uuid"]!.GetValue<string>(), Is.EqualTo(shown["uuid"]!.GetValue<string>()));
            Assert.That(nodeJson["instance_uuid"]!.GetValue<string>(), Is.EqualTo(shown["uuid"]!.GetValue<string>()));
            Assert.That(old.ContainsKey("owner"), Is.False, "owner from 1.60");
        });
    }

    [Test]
    public async Task Allocation_VersionBoundaries_AndIronicsRefusals()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.52");

        var oldList = await client.Get("/v1/allocations", version: "1.51");
        var oldPost = await client.Post("/v1/allocations", "{\"resource_class\": \"x\"}", version: "1.51");
        var noClass = await client.Post("/v1/allocations", "{}");
        var backfillTooEarly = await client.Post("/v1/allocations", "{\"node\": \"n1\"}", version: "1.57");
        var patchTooEarly = await client.Patch("/v1/allocations/x", "[]", version: "1.56");
        var failed = await client.Post("/v1/allocations", "{\"resource_class\": \"none\"}");
        var failedShown = (await client.Get($"/v1/allocations/{failed.Json["uuid"]}")).Json;
        await client.CreateNode("n2");
        var noAllocation = await client.Get("/v1/nodes/n2/allocation");

        Assert.Multiple(() =>
        {
            Assert.That(oldList.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(oldPost.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(noClass.Fault, Is.EqualTo("The resource_class field is mandatory when not backfilling"));
            // Master's create schema has node from 1.58 only (real master 7bc6aba's API answers so);
            // 21.4 and 2025.1 say "Cannot set node when creating an allocation in this API version"
            // (AllocationBodySchemaTests).
            Assert.That(backfillTooEarly.Fault, Is.EqualTo("Schema error: Additional properties are not allowed ('node' was unexpected)"));
            Assert.That(patchTooEarly.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(failedShown["state"]!.GetValue<string>(), Is.EqualTo("error"));
            Assert.That(failedShown["last_error"]!.GetValue<string>(), Does.EndWith("no available nodes match the resource class none."));
            Assert.That(noAllocation.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(noAllocation.Fault, Is.EqualTo("Allocation for node n2 was not found"));
        });
    }

    [Test]
    public async Task Shards_CountNodesPerShard_LargestFirst_WithNoneForUnsharded()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.82");
        await client.CreateNode("a", ", \"shard\": \"s1\"");
        await client.CreateNode("b", ", \"shard\": \"s2\"");
        await client.CreateNode("c", ", \"shard\": \"s2\"");
        await client.CreateNode("d");

        var shards = (await client.Get("/v1/shards")).Json["shards"]!.ToJsonString();
        var old = await client.Get("/v1/shards", version: "1.81");

        Assert.That(shards, Is.EqualTo("[{\"name\":\"s2\",\"count\":2},{\"name\":\"None\",\"count\":1},{\"name\":\"s1\",\"count\":1}]"));
        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Events_NetworkEventsAreChecked_Then204()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.54");
        const string Port = "6f1c6a1e-0b8d-4c41-9d0e-3f0c2b6a9e01";

        var ok = await client.Post("/v1/events", $"{{\"events\": [{{\"event\": \"network.bind_port\", \"port_id\": \"{Port}\", \"mac_address\": \"52:54:00:12:34:56\", \"status\": \"ACTIVE\"}}]}}");
        var unknown = await client.Post("/v1/events", "{\"events\": [{\"event\": \"compute.reboot\"}]}");
        var missing = await client.Post("/v1/events", "{\"events\": [{\"event\": \"network.bind_port\"}]}");
        var old = await client.Post("/v1/events", "{\"events\": []}", version: "1.53");

        Assert.Multiple(() =>
        {
            Assert.That(ok.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(unknown.Fault, Is.EqualTo("Schema error for evts: 'compute.reboot' is not one of ['network.bind_port', 'network.unbind_port', 'network.delete_port']"));
            Assert.That(missing.Fault, Is.EqualTo("Schema error for evts: 'port_id' is a required property"));
            Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [TestCase("1.82")]
    [TestCase("1.96")]
    [TestCase("1.115")]
    public async Task EveryLinkOfV1_LeadsToAResourceThatAnswers(string version)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(version);
        var document = (await client.Get("/v1")).Json.AsObject();

        foreach (var (name, value) in document)
        {
            if (value is not JsonArray links || name is "media_types" || links.Count == 0 || links[0] is not JsonObject link || link["href"] is null)
            {
                continue;
            }

            var href = new Uri(link["href"]!.GetValue<string>()).AbsolutePath;
            var answer = name is "events" or "heartbeat" or "lookup"
                ? null
                : await client.Get(href);
            Assert.That(answer?.Status ?? HttpStatusCode.OK, Is.Not.EqualTo(HttpStatusCode.NotFound), $"{name}: {href}");
        }
    }
}
