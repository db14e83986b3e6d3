using System.Globalization;
using System.Net;
using IronicCore.Api.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IronicCore.Api.Tests.Reads;

/// <summary>
/// Ports and portgroups are read from the view the conductor's loop publishes with the nodes:
/// their GETs and lists are answered while the loop is busy, the published lists answer as the
/// conductor's own records after creations, moves and deletions (nodes' included), and a marker
/// need not match the filters (Ironic reads it with <c>get_by_uuid</c>).
/// </summary>
public sealed class PublishedPortsTests
{
    [Test]
    public async Task PortAndPortgroupReads_AreAnswered_WhileTheConductorsLoopIsBusy()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");
        var portgroup = (string)(await client.Post("/v1/portgroups", $"{{\"node_uuid\": \"{node}\", \"address\": \"52:54:00:00:01:00\", \"name\": \"pg1\"}}")).Json["uuid"]!;
        var port = (string)(await client.Post("/v1/ports", $"{{\"node_uuid\": \"{node}\", \"address\": \"52:54:00:00:00:01\", \"portgroup_uuid\": \"{portgroup}\"}}")).Json["uuid"]!;
        using var gate = new ManualResetEventSlim();
        var busy = factory.Services.GetRequiredService<ConductorLoop>().Run(_ => gate.Wait(TimeSpan.FromSeconds(30)));
        try
        {
            foreach (var path in new[]
            {
                "/v1/ports", $"/v1/ports/{port}", $"/v1/ports?node_uuid={node}", "/v1/ports?address=52:54:00:00:00:01", $"/v1/nodes/{node}/ports",
                $"/v1/portgroups/{portgroup}/ports", "/v1/portgroups", "/v1/portgroups/pg1", $"/v1/nodes/n1/portgroups", "/v1/portgroups?address=52:54:00:00:01:00",
            })
            {
                var answer = client.Get(path);
                Assert.That(await Task.WhenAny(answer, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(answer), path);
                Assert.That((await answer).Status, Is.EqualTo(HttpStatusCode.OK), path);
                Assert.That((await answer).Body, Does.Contain(path.Contains("portgroups", StringComparison.Ordinal) && !path.EndsWith("/ports", StringComparison.Ordinal) ? portgroup : port), path);
            }

            Assert.That(busy.IsCompleted, Is.False);
        }
        finally
        {
            gate.Set();
        }

        Assert.That(await busy, Is.True);
    }

    [Test]
    public async Task PublishedPortLists_AnswerAsTheConductorsRecords_AfterCreationsMovesAndDeletions()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var random = new Random(5);
        var nodes = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            nodes.Add(await client.CreateNode($"n{i}"));
        }

        var ports = new List<string>();
        for (var step = 0; step < 60; step++)
        {
            var choice = random.Next(10);
            if (choice < 6 || ports.Count == 0)
            {
                var mac = $"52:54:00:00:{step / 256:x2}:{step % 256:x2}";
                var created = await client.Post("/v1/ports", $"{{\"node_uuid\": \"{nodes[random.Next(nodes.Count)]}\", \"address\": \"{mac}\"}}");
                Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created), created.Body);
                ports.Add((string)created.Json["uuid"]!);
            }
            else if (choice < 8)
            {
                var moved = ports[random.Next(ports.Count)];
                await Lifecycle.Expect(client.Patch($"/v1/ports/{moved}", $"[{{\"op\": \"replace\", \"path\": \"/node_uuid\", \"value\": \"{nodes[random.Next(nodes.Count)]}\"}}]"), HttpStatusCode.OK);
            }
            else if (choice < 9)
            {
                var deleted = ports[random.Next(ports.Count)];
                await Lifecycle.Expect(client.Delete($"/v1/ports/{deleted}"), HttpStatusCode.NoContent);
                ports.Remove(deleted);
            }
            else if (nodes.Count > 2)
            {
                // A node's deletion takes its ports with it.
                var gone = nodes[random.Next(nodes.Count)];
                await Lifecycle.Expect(client.Delete($"/v1/nodes/{gone}"), HttpStatusCode.NoContent);
                nodes.Remove(gone);
                ports = await Uuids(client, "/v1/ports?limit=1000");
            }
        }

        var records = await factory.Services.GetRequiredService<ConductorLoop>().Run(s => s.Conductor.Ports);
        Assert.That(await Uuids(client, "/v1/ports?limit=1000"), Is.EqualTo(records.Select(p => p.Uuid)));
        Assert.That(await Uuids(client, "/v1/ports?limit=1000&sort_dir=desc"), Is.EqualTo(records.Reverse().Select(p => p.Uuid)));
        foreach (var node in nodes)
        {
            Assert.That(await Uuids(client, $"/v1/ports?node_uuid={node}"), Is.EqualTo(records.Where(p => p.NodeUuid == node).Select(p => p.Uuid)), node);
        }

        foreach (var record in records.Take(5))
        {
            Assert.That(await Uuids(client, $"/v1/ports?address={record.Address}"), Is.EqualTo(new[] { record.Uuid }));
            var after = records.SkipWhile(p => p.Uuid != record.Uuid).Skip(1).Take(3).Select(p => p.Uuid);
            Assert.That(await Uuids(client, $"/v1/ports?limit=3&marker={record.Uuid}"), Is.EqualTo(after));
        }
    }

    [Test]
    public async Task APortListsMarker_NeedNotMatchItsFilter_ThePageStartsAfterItsPlace()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var first = await client.CreateNode("n1");
        var second = await client.CreateNode("n2");
        var ports = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var node = i % 2 == 0 ? first : second;
            var created = await client.Post("/v1/ports", $"{{\"node_uuid\": \"{node}\", \"address\": \"52:54:00:00:00:{i.ToString("x2", CultureInfo.InvariantCulture)}\"}}");
            ports.Add((string)created.Json["uuid"]!);
        }

        // Ports 0 and 2 are n1's; the marker, port 1, is n2's.
        Assert.That(await Uuids(client, $"/v1/ports?node_uuid={first}&marker={ports[1]}"), Is.EqualTo(new[] { ports[2] }));
        Assert.That(await Uuids(client, $"/v1/ports?node_uuid={first}&marker={ports[1]}&sort_key=address"), Is.EqualTo(new[] { ports[2] }));
        Assert.That(await Uuids(client, $"/v1/ports?node_uuid={first}&marker={ports[1]}&sort_key=address&sort_dir=desc"), Is.EqualTo(new[] { ports[0] }));
    }

    private static async Task<List<string>> Uuids(IronicClient client, string path)
    {
        var answer = await client.Get(path);
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), $"{path}: {answer.Body}");
        return [.. answer.Json["ports"]!.AsArray().Select(p => (string)p!["uuid"]!)];
    }
}
