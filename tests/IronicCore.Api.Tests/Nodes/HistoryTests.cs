using System.Net;
using System.Text.Json.Nodes;
using IronicCore.States;

namespace IronicCore.Api.Tests.Nodes;

public sealed class HistoryTests
{
    /// <summary>A node whose BMC stopped answering, after a power request: one error entry (and power sync's later).</summary>
    private static async Task<string> NodeWithAFailedPowerAction(SimulatorFactory factory, IronicClient client)
    {
        var uuid = await client.CreateNode("n1");
        factory.Conductor.GetMachine(uuid).Reachable = false;
        var power = await client.Put("/v1/nodes/n1/states/power", "{\"target\": \"power on\"}");
        Assert.That(power.Status, Is.EqualTo(HttpStatusCode.Accepted), power.Body);
        return uuid;
    }

    private static string[] Keys(JsonNode entry) => [.. entry.AsObject().Select(p => p.Key)];

    [Test]
    public async Task List_ShowsStandardFields_AndDetailAddsTypeConductorAndUser_At1_78()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.78");
        var uuid = await NodeWithAFailedPowerAction(factory, client);

        var list = (await client.Get("/v1/nodes/n1/history")).Json["history"]!.AsArray();
        var detail = (await client.Get("/v1/nodes/n1/history?detail=true")).Json["history"]![0]!;
        var lastError = (await client.Node("n1"))["last_error"]!.GetValue<string>();

        Assert.That(list, Has.Count.EqualTo(1));
        Assert.That(Keys(list[0]!), Is.EqualTo(new[] { "uuid", "created_at", "severity", "event", "links" }));
        Assert.That(list[0]!["severity"]!.GetValue<string>(), Is.EqualTo("ERROR"));
        Assert.That(list[0]!["event"]!.GetValue<string>(), Is.EqualTo(lastError));
        Assert.That(list[0]!["links"]![0]!["href"]!.GetValue<string>(), Is.EqualTo($"http://localhost/v1/nodes/{uuid}/history/{list[0]!["uuid"]}"));
        Assert.That(Keys(detail), Is.EqualTo(new[] { "uuid", "created_at", "severity", "event_type", "event", "conductor", "user", "links" }));
        Assert.That(detail["event_type"]!.GetValue<string>(), Is.EqualTo("UNKNOWN"));
        Assert.That(detail["conductor"]!.GetValue<string>(), Is.EqualTo(factory.Conductor.Host));
        Assert.That(detail["user"], Is.Null);
    }

    [Test]
    public async Task Detail_ShowsProjectFrom1_113_AndStateFieldsFrom1_115()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.112");
        await NodeWithAFailedPowerAction(factory, client);

        var at112 = (await client.Get("/v1/nodes/n1/history?detail=true")).Json["history"]![0]!;
        var at113 = (await client.Get("/v1/nodes/n1/history?detail=true", "1.113")).Json["history"]![0]!;
        var at115 = (await client.Get("/v1/nodes/n1/history?detail=true", "1.115")).Json["history"]![0]!;

        Assert.That(at112.AsObject().ContainsKey("project"), Is.False);
        Assert.That(Keys(at113), Does.Contain("project").And.Not.Contain("state"));
        Assert.That(Keys(at115), Is.EqualTo(new[]
        {
            "uuid", "created_at", "severity", "event_type", "event", "conductor", "user", "project", "state", "target_provision_state", "duration_seconds", "links",
        }));
        Assert.That(at115["state"]!.GetValue<string>(), Is.EqualTo("enroll"));
        Assert.That(at115["target_provision_state"], Is.Null);
        Assert.That(at115["duration_seconds"]!.GetValue<int>(), Is.EqualTo(0));
    }

    [Test]
    public async Task Show_IsTheDetailedEntry_FoundByUuidAlone()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.115");
        await NodeWithAFailedPowerAction(factory, client);
        await client.CreateNode("n2");
        var entry = (await client.Get("/v1/nodes/n1/history")).Json["history"]![0]!["uuid"]!.GetValue<string>();

        var shown = await client.Get($"/v1/nodes/n1/history/{entry}");
        var underAnother = await client.Get($"/v1/nodes/n2/history/{entry}");
        var unknown = await client.Get("/v1/nodes/n1/history/6a0b3f56-0a52-4d57-a2b5-0c9d1c0e9a11");
        var name = await client.Get("/v1/nodes/n1/history/some-name");
        var bad = await client.Get("/v1/nodes/n1/history/a%20b");
        var cliLong = await client.Get("/v1/nodes/n1/history/detail");

        Assert.That(shown.Json["event_type"]!.GetValue<string>(), Is.EqualTo("UNKNOWN"));
        Assert.That(underAnother.Status, Is.EqualTo(HttpStatusCode.OK), "Ironic does not check the entry's node");
        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.Fault, Is.EqualTo("Node history record 6a0b3f56-0a52-4d57-a2b5-0c9d1c0e9a11 could not be found."));
        Assert.That(name.Fault, Is.EqualTo("Node history record some-name could not be found."));
        Assert.That(bad.Fault, Is.EqualTo("Expected UUID or name for event: a b"));
        Assert.That(cliLong.Fault, Is.EqualTo("Node history record detail could not be found."), "what Ironic answers the baremetal CLI's --long");
    }

    [Test]
    public async Task Paging_FollowsIronicsNextLink()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.78");
        var uuid = await NodeWithAFailedPowerAction(factory, client);
        await client.Put("/v1/nodes/n1/states/power", "{\"target\": \"power on\"}");

        var first = (await client.Get("/v1/nodes/n1/history?limit=1")).Json;
        var entry = first["history"]![0]!["uuid"]!.GetValue<string>();
        var second = (await client.Get($"/v1/nodes/n1/history?limit=1&marker={entry}")).Json["history"]!.AsArray();
        var newestFirst = (await client.Get("/v1/nodes/n1/history?sort_dir=desc")).Json["history"]!.AsArray();

        Assert.That(first["next"]!.GetValue<string>(), Is.EqualTo(
            $"http://localhost/v1/nodes/n1/history?marker=None&sort_key=created_at&sort_dir=asc&fields=uuid,created_at,severity,event&limit=1&marker={entry}"));
        Assert.That(second, Has.Count.EqualTo(1));
        Assert.That(second[0]!["uuid"]!.GetValue<string>(), Is.Not.EqualTo(entry));
        Assert.That(newestFirst[^1]!["uuid"]!.GetValue<string>(), Is.EqualTo(entry));
        Assert.That(uuid, Is.Not.Empty);
    }

    [TestCase("?limit=0", "Limit must be positive")]
    [TestCase("?limit=x", "Expected an integer for limit: x")]
    [TestCase("?marker=x", "Expected UUID for marker: x")]
    [TestCase("?sort_dir=up", "Invalid sort direction: up. Acceptable values are 'asc' or 'desc'")]
    [TestCase("?sort_key=colour", "The sort_key value \"colour\" is an invalid field for sorting")]
    [TestCase("?fields=uuid", "Unexpected arguments: fields")]
    public async Task BadQuery_Is400WithIronicsMessage(string query, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.78");
        await client.CreateNode("n1");

        var answer = await client.Get("/v1/nodes/n1/history" + query);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
    }

    [Test]
    public async Task Below1_78_HistoryIs404_AndAnUnknownNodeIs404()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.77");
        await client.CreateNode("n1");

        var old = await client.Get("/v1/nodes/n1/history");
        var missing = await client.Get("/v1/nodes/nope/history", "1.78");

        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Fault, Is.EqualTo("Node nope could not be found."));
    }

    [Test]
    public async Task Release21_4_ServesHistoryWithItsSevenDetailFields()
    {
        using var factory = new SimulatorFactory(IronicRelease.Release21_4);
        using var client = factory.Client("1.82");
        await NodeWithAFailedPowerAction(factory, client);

        var detail = (await client.Get("/v1/nodes/n1/history?detail=true&limit=1")).Json;
        var sorted = await client.Get("/v1/nodes/n1/history?sort_dir=desc");

        Assert.That(Keys(detail["history"]![0]!), Is.EqualTo(new[] { "uuid", "created_at", "severity", "event_type", "event", "conductor", "user", "links" }));
        Assert.That(detail["next"]!.GetValue<string>(), Is.EqualTo(
            $"http://localhost/v1/nodes/n1/history?marker=None&fields=uuid,created_at,severity,event_type,event,conductor,user&limit=1&marker={detail["history"]![0]!["uuid"]}"));
        Assert.That(sorted.Fault, Is.EqualTo("Unexpected arguments: sort_dir"), "21.4 does not sort history on request");
    }
}
