using System.Net;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Tests.Reads;

/// <summary>
/// Reads are answered from the view the conductor's loop publishes after each batch of work:
/// a write's answer waits for its publication (read-your-writes), and a view is one moment's
/// state of each node, never a request half applied.
/// </summary>
public sealed class PublishedViewTests
{
    [Test]
    public async Task EveryAnsweredWrite_IsSeenByTheSameClientsNextRead_UnderConcurrentClients()
    {
        using var factory = new SimulatorFactory();
        using var setup = factory.Client();
        var nodes = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            nodes.Add(await setup.CreateNode($"n{i}"));
        }

        await Task.WhenAll(nodes.Select(async uuid =>
        {
            using var client = factory.Client();
            for (var i = 0; i < 40; i++)
            {
                var patch = await client.Patch($"/v1/nodes/{uuid}", $"[{{\"op\": \"add\", \"path\": \"/description\", \"value\": \"v{i}\"}}]");
                Assert.That(patch.Status, Is.EqualTo(HttpStatusCode.OK), patch.Body);
                Assert.That((string?)(await client.Node(uuid))["description"], Is.EqualTo($"v{i}"));
                var listed = await client.Get($"/v1/nodes/detail?limit=1{Before(nodes, uuid)}");
                Assert.That((string?)listed.Json["nodes"]![0]!["description"], Is.EqualTo($"v{i}"));
            }
        }));
    }

    [Test]
    public async Task AProvisionAnswered202_IsSeenAsItsStateOrALaterOne()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");

        await Lifecycle.Expect(client.Provision(uuid, "manage"));
        var state = (string?)(await client.Node(uuid))["provision_state"];

        Assert.That(state, Is.AnyOf("verifying", "manageable"));
    }

    [Test]
    public async Task NoRead_SeesAMaintenanceRequestHalfApplied()
    {
        using var factory = new SimulatorFactory();
        using var writer = factory.Client();
        var uuid = await writer.CreateNode("n1");
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 4).Select(async r =>
        {
            using var client = factory.Client();
            var seen = 0;
            while (!stop.IsCancellationRequested || seen == 0)
            {
                var node = r % 2 == 0
                    ? await client.Node(uuid)
                    : (JsonObject)(await client.Get("/v1/nodes/detail")).Json["nodes"]![0]!;
                var maintenance = (bool)node["maintenance"]!;
                var reason = (string?)node["maintenance_reason"];
                Assert.That(maintenance, Is.EqualTo(reason is not null), node.ToJsonString());
                seen++;
            }
        }).ToList();

        for (var i = 0; i < 60; i++)
        {
            await Lifecycle.Expect(writer.Put($"/v1/nodes/{uuid}/maintenance", $"{{\"reason\": \"r{i}\"}}"));
            await Lifecycle.Expect(writer.Delete($"/v1/nodes/{uuid}/maintenance"));
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
    }

    [Test]
    public async Task Marker_NeedNotMatchTheFilters_ThePageStartsAfterItsPlace()
    {
        // Ironic's get_all reads the marker with Node.get_by_uuid, whatever the filters, and
        // pages after its (sort_key, id) place.
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var first = await client.CreateNode("n1");
        await client.CreateNode("n2");
        var third = await client.CreateNode("n3");
        await Lifecycle.Expect(client.Put("/v1/nodes/n2/maintenance", "{\"reason\": \"disk\"}"));

        var page = await client.Get($"/v1/nodes?maintenance=false&marker={first}");
        var missing = await client.Get($"/v1/nodes?marker={Guid.Empty}");

        Assert.That(page.Json["nodes"]!.AsArray().Select(n => (string)n!["uuid"]!), Is.EqualTo(new[] { third }));
        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Fault, Is.EqualTo($"Node {Guid.Empty} could not be found."));
    }

    private static string Before(List<string> nodes, string uuid) =>
        nodes.IndexOf(uuid) is > 0 and var at ? $"&marker={nodes[at - 1]}" : string.Empty;
}
