using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Api.Tests.Redfish;

/// <summary>
/// The node's <c>health</c> (master, 1.109) as master fills it: power sync caches a redfish
/// system's <c>Status.Health</c>; other drivers' nodes stay null; below 1.109 the field is absent.
/// </summary>
public sealed class RedfishHealthApiTests
{
    [Test]
    public async Task Health_From1_109_IsTheRedfishSystemsAsPowerSyncCachedIt_NullForOtherDrivers()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Master, out var redfish);
        using var client = factory.Client("1.109");
        await RedfishApi.CreateNode(client, "r1");
        await client.CreateNode("f1");
        await client.Provision("r1", "manage");
        await client.Provision("f1", "manage");
        var before = await client.Node("r1");

        await RedfishApi.Advance(client, 121);
        var ok = await client.Node("r1");
        redfish.GetSystem("r1").Health = NodeHealth.Warning;
        await RedfishApi.Advance(client, 121);
        var warning = await client.Node("r1");
        var list = (await client.Get("/v1/nodes?fields=name,health")).Json["nodes"]!.AsArray();
        var old = (await client.Get("/v1/nodes/r1", version: "1.108")).Json.AsObject();
        var history = (await client.Get("/v1/nodes/r1/history")).Json["history"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(before["health"], Is.Null, "not read before the first power sync (an enrolled node is never synced)");
            Assert.That(ok["health"]!.GetValue<string>(), Is.EqualTo("OK"));
            Assert.That(warning["health"]!.GetValue<string>(), Is.EqualTo("Warning"));
            Assert.That(list.Select(n => (n!["name"]!.GetValue<string>(), n["health"]?.GetValue<string>())), Is.EqualTo(new[] { ("r1", (string?)"Warning"), ("f1", null) }));
            Assert.That(old.ContainsKey("health"), Is.False);
            Assert.That(history.Select(e => e!["event"]!.GetValue<string>()), Is.EqualTo(new[]
            {
                "Node health status changed: health='OK' (previously 'None')",
                "Node health status changed: health='Warning' (previously 'OK')",
            }));
        });
    }
}
