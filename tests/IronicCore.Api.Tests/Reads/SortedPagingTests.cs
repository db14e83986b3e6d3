using System.Globalization;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Tests.Reads;

/// <summary>
/// Paging a sorted node list from the published orders: following <c>next</c> from the first
/// page visits every node once, in Ironic's order (the column, nulls first, then <c>id</c>), both
/// ways, with ties; and the orders follow the nodes' changes.
/// </summary>
public sealed class SortedPagingTests
{
    private static readonly string[] Columns =
    [
        "uuid", "name", "created_at", "updated_at", "provision_state", "provision_updated_at", "power_state", "driver",
        "maintenance", "conductor_group", "resource_class", "instance_uuid",
    ];

    [Test]
    public async Task SortedPaging_VisitsEveryNodeOnce_InIronicsOrder_TiesById()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.95");
        var ids = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var fields = new JsonObject { ["driver"] = "fake-hardware", ["resource_class"] = $"r{i % 3}" };
            if (i % 4 != 0)
            {
                fields["name"] = $"n{(i * 7) % 13}-{i.ToString(CultureInfo.InvariantCulture)}";
            }

            var created = await client.Post("/v1/nodes", fields.ToJsonString());
            ids.Add((string)created.Json["uuid"]!);
            if (i % 5 == 0)
            {
                await Lifecycle.Expect(client.Provision(ids[^1], "manage"));
            }

            if (i % 6 == 0)
            {
                await Lifecycle.Expect(client.Put($"/v1/nodes/{ids[^1]}/maintenance", "{\"reason\": \"r\"}"));
            }
        }

        // Changes after creation move nodes in the orders: a deletion, a power state, a rename.
        await Lifecycle.Expect(client.Delete($"/v1/nodes/{ids[7]}"), System.Net.HttpStatusCode.NoContent);
        await Lifecycle.Expect(client.Patch($"/v1/nodes/{ids[9]}", "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"a-first\"}]"), System.Net.HttpStatusCode.OK);
        await Lifecycle.Expect(client.Put($"/v1/nodes/{ids[11]}/states/power", "{\"target\": \"power on\"}"));
        var all = (await client.Get("/v1/nodes/detail?limit=1000")).Json["nodes"]!.AsArray().Select(n => n!.AsObject()).ToList();

        foreach (var column in Columns)
        {
            foreach (var direction in new[] { "asc", "desc" })
            {
                var expected = all.Select((node, id) => (Node: node, Id: id))
                    .Order(Comparer<(JsonObject Node, int Id)>.Create((a, b) => Compare(a.Node[column], b.Node[column]) is var byKey && byKey != 0 ? byKey : a.Id.CompareTo(b.Id)))
                    .Select(n => (string)n.Node["uuid"]!).ToList();
                if (direction == "desc")
                {
                    expected.Reverse();
                }

                var visited = new List<string>();
                var next = $"/v1/nodes?sort_key={column}&sort_dir={direction}&limit=6";
                while (next is not null)
                {
                    var page = (await client.Get(next)).Json;
                    visited.AddRange(page["nodes"]!.AsArray().Select(n => (string)n!["uuid"]!));
                    next = (string?)page["next"] is { } link ? new Uri(link).PathAndQuery : null;
                }

                Assert.That(visited, Is.EqualTo(expected), $"{column} {direction}");
            }
        }
    }

    private static int Compare(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ when a.GetValueKind() == System.Text.Json.JsonValueKind.String => string.CompareOrdinal((string)a!, (string)b!),
        _ => ((bool)a).CompareTo((bool)b),
    };
}
