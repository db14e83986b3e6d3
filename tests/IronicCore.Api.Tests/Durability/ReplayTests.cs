using System.Net;
using IronicCore.Api.Durability;
using IronicCore.Api.Hosting;
using IronicCore.Cli.Commands.Serve;
using Microsoft.Extensions.DependencyInjection;

namespace IronicCore.Api.Tests.Durability;

/// <summary>
/// The journal's claim: the conductor is deterministic, so replaying the requests it ran, each at
/// its virtual time, rebuilds it exactly; its workers, agents and periodic tasks between two
/// requests run again as they ran. Checked byte for byte on the conductor's snapshot.
/// </summary>
public sealed class ReplayTests
{
    private const string Mac = "52:54:00:12:34:56";
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("durable-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public async Task Replay_OfEveryKindOfWrite_RebuildsTheConductor_ByteForByte()
    {
        byte[] original;
        var live = Path.Combine(directory, "live");
        using (var state = StateDirectoryFixture.Created(live))
        {
            using var factory = StateDirectoryFixture.Serve(state, state.Load(ServeConductor.Resume));
            using var client = factory.Client();
            await Writes(client);
            original = await StateDirectoryFixture.Snapshot(factory);
            StateDirectoryFixture.CopyOf(live, Path.Combine(directory, "crashed"));
        }

        using var reopened = StateDirectory.Open(Path.Combine(directory, "crashed"));
        using var replayed = StateDirectoryFixture.Serve(reopened);
        using var again = replayed.Client();
        var recovered = await StateDirectoryFixture.Snapshot(replayed);

        Assert.That(reopened.RecoveredWrites, Is.GreaterThan(15));
        Assert.That(recovered, Is.EqualTo(original), "the replayed conductor differs from the one that ran");
    }

    [Test]
    public async Task Replay_WithTheRealClock_RunsTheTimeBetweenWritesAgain_ByteForByte()
    {
        var live = Path.Combine(directory, "live");
        byte[] original;
        DateTimeOffset now;
        using (var state = StateDirectoryFixture.Created(live, ClockMode.Real, DateTimeOffset.UtcNow))
        {
            using var factory = StateDirectoryFixture.Serve(state, state.Load(ServeConductor.Resume), ClockMode.Real);
            using var client = factory.Client();
            var node = await client.CreateNode("n1", ", \"deploy_interface\": \"direct\"");
            await Lifecycle.Expect(client.Post("/v1/ports", $"{{\"address\": \"{Mac}\", \"node_uuid\": \"{node}\"}}"), HttpStatusCode.Created);
            await Lifecycle.Expect(client.Provision(node, "manage"));
            await Task.Delay(300);
            await Lifecycle.Expect(client.Patch($"/v1/nodes/{node}", """[{"op": "add", "path": "/extra/a", "value": 1}]"""), HttpStatusCode.OK);
            await Task.Delay(200);
            await Lifecycle.Expect(client.Provision(node, "provide"));
            await Task.Delay(300);
            await client.CreateNode("n2");
            (original, now) = await OnTheLoop(factory);
            StateDirectoryFixture.CopyOf(live, Path.Combine(directory, "crashed"));
        }

        // Served with the virtual clock, the replay stops at the last record; time is then moved to where the original stood.
        using var reopened = StateDirectory.Open(Path.Combine(directory, "crashed"));
        using var replayed = StateDirectoryFixture.Serve(reopened);
        using var again = replayed.Client();
        await replayed.Services.GetRequiredService<ConductorLoop>().Run(s =>
        {
            s.Conductor.Clock.AdvanceTo(now);
            return true;
        });
        var (recovered, _) = await OnTheLoop(replayed);

        Assert.That(recovered, Is.EqualTo(original), "the replayed conductor differs from the one that ran");
    }

    /// <summary>Node create, patch, provision verbs, maintenance, power, ports, traits, VIFs, deploy templates, volumes, the agent's lookup and heartbeat, deletion, and time.</summary>
    internal static async Task Writes(IronicClient client)
    {
        var node = await client.CreateNode("n1", ", \"deploy_interface\": \"direct\"");
        var other = await client.CreateNode("n2");
        await client.CreateNode("doomed");
        await Lifecycle.Expect(client.Post("/v1/ports", $"{{\"address\": \"{Mac}\", \"node_uuid\": \"{node}\"}}"), HttpStatusCode.Created);
        await Lifecycle.Expect(client.Post("/v1/portgroups", $"{{\"node_uuid\": \"{other}\", \"name\": \"bond0\"}}"), HttpStatusCode.Created);
        await Lifecycle.Expect(client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:02\", \"node_uuid\": \"{other}\"}}"), HttpStatusCode.Created);
        await Lifecycle.Expect(client.Patch($"/v1/nodes/{other}", """[{"op": "add", "path": "/extra/rack", "value": "r4"}]"""), HttpStatusCode.OK);
        await Lifecycle.Expect(client.Put($"/v1/nodes/{other}/traits/CUSTOM_GPU", string.Empty), HttpStatusCode.NoContent);
        await Lifecycle.Expect(client.Post($"/v1/nodes/{other}/vifs", """{"id": "tenant-vif"}"""), HttpStatusCode.NoContent);
        await Lifecycle.Expect(client.Put($"/v1/nodes/{other}/maintenance", """{"reason": "rack work"}"""), HttpStatusCode.Accepted);
        await Lifecycle.Expect(client.Delete("/v1/nodes/doomed"), HttpStatusCode.NoContent);
        await Lifecycle.Expect(client.Provision(node, "manage"));
        await Lifecycle.Settled(client, node, "manageable");
        await Lifecycle.Expect(client.Provision(node, "provide"));
        await Lifecycle.Settled(client, node, "clean wait");
        var lookup = await client.Get($"/v1/lookup?addresses={Mac}", version: "1.62");
        var token = lookup.Json["config"]!["agent_token"]!.GetValue<string>();
        await Lifecycle.Expect(
            client.Post($"/v1/heartbeat/{node}", $"{{\"callback_url\": \"https://10.0.0.9:9999\", \"agent_token\": \"{token}\", \"agent_version\": \"9.4.0\"}}", version: "1.68"),
            HttpStatusCode.Accepted);
        await Lifecycle.Expect(client.Post("/_sim/advance", """{"seconds": 600}"""), HttpStatusCode.OK);
        await Lifecycle.Expect(client.Put($"/v1/nodes/{other}/states/power", """{"target": "power on"}"""));
        await Lifecycle.Expect(client.Post("/_sim/advance", """{"seconds": 30}"""), HttpStatusCode.OK);

        // Deploy templates and volumes: their UUIDs come from the conductor's seeded streams.
        await Lifecycle.Expect(
            client.Post("/v1/deploy_templates", """{"name": "CUSTOM_A", "steps": [{"interface": "bios", "step": "x", "args": {}, "priority": 1}]}"""),
            HttpStatusCode.Created);
        await Lifecycle.Expect(client.Patch("/v1/deploy_templates/CUSTOM_A", """[{"op": "add", "path": "/extra/a", "value": 1}]"""), HttpStatusCode.OK);
        await Lifecycle.Expect(client.Post("/v1/volume/connectors", $$"""{"node_uuid": "{{other}}", "type": "iqn", "connector_id": "iqn.1"}"""), HttpStatusCode.Created);
        var target = await client.Post("/v1/volume/targets", $$"""{"node_uuid": "{{other}}", "volume_type": "iscsi", "volume_id": "v", "boot_index": 0}""");
        await client.Delete($"/v1/volume/targets/{target.Json["uuid"]!.GetValue<string>()}");

        // Refused requests reach the conductor too, and are replayed to the same refusal.
        await client.Provision(node, "active");
        await Lifecycle.Expect(client.Post("/_sim/advance", """{"seconds": 7}"""), HttpStatusCode.OK);
    }

    private static Task<(byte[] Snapshot, DateTimeOffset Now)> OnTheLoop(SimulatorFactory factory) =>
        factory.Services.GetRequiredService<ConductorLoop>().Run(s =>
        {
            using var stream = new MemoryStream();
            s.Conductor.Save(stream);
            return (stream.ToArray(), s.Now);
        });
}
