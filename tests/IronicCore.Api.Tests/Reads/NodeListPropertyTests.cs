using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;

namespace IronicCore.Api.Tests.Reads;

/// <summary>
/// The node list (served from the published view: id order walked from the marker's slot, other
/// keys sorted) against a naive filter, sort and page of the same fleet written here from
/// Ironic's rules: random fleets, random queries, the same answer node for node.
/// </summary>
public sealed class NodeListPropertyTests
{
    private const string Version = "1.95";

    private static readonly string[] SortKeys =
    [
        "id", "uuid", "name", "created_at", "updated_at", "provision_state", "provision_updated_at", "power_state",
        "driver", "maintenance", "conductor_group", "resource_class", "instance_uuid",
    ];

    private static readonly Gen<Spec> Specs =
        from name in Gen.OneOf<string?>(null, "x", "y")
        from owner in Gen.OneOf<string?>(null, "a", "b")
        from lessee in Gen.OneOf<string?>(null, "a", "b")
        from resourceClass in Gen.OneOf<string?>(null, "r1", "r2")
                from description in Gen.OneOf<string?>(null, "has x", "none")
        from shard in Gen.OneOf<string?>(null, "s1", "s2")
        from flags in Gen.Int[0, 31]
        select new Spec(name, owner, lessee, resourceClass, description, shard, flags);

    private static readonly Gen<string> Filters =
        Gen.OneOf(
            "maintenance=true", "maintenance=false", "associated=true", "associated=false", "retired=true", "retired=false",
            "provision_state=enroll", "provision_state=manageable", "owner=a", "lessee=b", "project=a", "resource_class=r1",
            "conductor_group=g1", "description_contains=x", "shard=s1", "shard=s1,s2", "sharded=true", "sharded=false",
            "driver=fake-hardware", "driver=ipmi", "lessee=a", "owner=b", "project=b", "resource_class=r2",
            "fault=power failure", "conductor=c1", "conductor=c2", "shard=s2,s9", "provision_state=available");

    private static readonly Gen<Query> Queries =
        from filters in Filters.Array[0, 3]
        from sortKey in Gen.OneOf(SortKeys)
        from backwards in Gen.Bool
        from limit in Gen.Int[1, 8]
        from marker in Gen.Int[-1, 30]
        from detail in Gen.Bool
        select new Query([.. filters.DistinctBy(f => f.Split('=')[0])], sortKey, backwards, limit, marker, detail);

    [Test]
    public async Task IndexedList_AnswersAsANaiveFilterSortAndPage()
    {
        var cases = Gen.Select(Specs.Array[0, 24], Gen.Int[0, 2], Queries.Array[1, 8]);
        await cases.SampleAsync(Check, iter: 25, threads: 1);
    }

    private static async Task Check(Spec[] fleet, int step, Query[] queries)
    {
        // Two conductors, so that the conductor filter splits the fleet (Ironic's hash ring).
        using var factory = new SimulatorFactory(hosts: ["c1", "c2"]);
        using var client = factory.Client(Version);
        var uuids = new List<string>();
        for (var i = 0; i < fleet.Length; i++)
        {
            uuids.Add(await Create(client, fleet[i], i));
        }

        // Holes in the slots: every third node from a random start is deleted (unless it has an instance).
        for (var i = step; i < uuids.Count; i += 3)
        {
            if ((fleet[i].Flags & 4) != 0)
            {
                continue;
            }

            await Lifecycle.Expect(client.Delete($"/v1/nodes/{uuids[i]}"), System.Net.HttpStatusCode.NoContent);
        }

        var all = (await client.Get("/v1/nodes/detail?limit=1000")).Json["nodes"]!.AsArray().Select(n => n!.AsObject()).ToList();
        foreach (var query in queries)
        {
            var marker = query.Marker >= 0 && query.Marker < uuids.Count ? uuids[query.Marker] : null;
            var path = query.Path(marker);
            var answer = await client.Get(path);
            if (marker is not null && all.All(n => (string)n["uuid"]! != marker))
            {
                Assert.That(answer.Fault, Is.EqualTo($"Node {marker} could not be found."), path);
                continue;
            }

            var expected = Naive(all, query, marker);
            var got = answer.Json["nodes"]!.AsArray().Select(n => (string)n!["uuid"]!).ToList();
            Assert.That(got, Is.EqualTo(expected), path);
            Assert.That(answer.Json.AsObject().ContainsKey("next"), Is.EqualTo(expected.Count == query.Limit), path);
        }
    }

    private static async Task<string> Create(IronicClient client, Spec spec, int index)
    {
        var fields = new JsonObject { ["driver"] = "fake-hardware" };
        if (spec.Name is not null)
        {
            fields["name"] = $"{spec.Name}{(30 - index).ToString(CultureInfo.InvariantCulture)}";
        }

        foreach (var (key, value) in new[] { ("owner", spec.Owner), ("lessee", spec.Lessee), ("resource_class", spec.ResourceClass), ("description", spec.Description), ("shard", spec.Shard) })
        {
            if (value is not null)
            {
                fields[key] = value;
            }
        }

        var created = await client.Post("/v1/nodes", fields.ToJsonString());
        Assert.That(created.Status, Is.EqualTo(System.Net.HttpStatusCode.Created), created.Body);
        var uuid = (string)created.Json["uuid"]!;
        if ((spec.Flags & 1) != 0)
        {
            await Lifecycle.Expect(client.Put($"/v1/nodes/{uuid}/maintenance", "{\"reason\": \"r\"}"));
        }

        if ((spec.Flags & 2) != 0)
        {
            await Lifecycle.Expect(client.Provision(uuid, "manage"));
        }

        if ((spec.Flags & 4) != 0)
        {
            await Lifecycle.Expect(client.Patch($"/v1/nodes/{uuid}", $"[{{\"op\": \"add\", \"path\": \"/instance_uuid\", \"value\": \"{Guid.NewGuid()}\"}}]"), System.Net.HttpStatusCode.OK);
        }

        if ((spec.Flags & 8) != 0 && (spec.Flags & 2) != 0)
        {
            await Lifecycle.Expect(client.Patch($"/v1/nodes/{uuid}", "[{\"op\": \"add\", \"path\": \"/retired\", \"value\": true}]"), System.Net.HttpStatusCode.OK);
        }

        return uuid;
    }

    /// <summary>Ironic's list, the slow way: filter every node, sort by (key, id) in one direction, start after the marker's place.</summary>
    private static List<string> Naive(List<JsonObject> all, Query query, string? marker)
    {
        var ordered = all.Select((node, id) => (Node: node, Id: id)).ToList();
        int Compare((JsonObject Node, int Id) a, (JsonObject Node, int Id) b)
        {
            var byKey = query.SortKey == "id" ? 0 : CompareValues(a.Node[query.SortKey], b.Node[query.SortKey]);
            var order = byKey != 0 ? byKey : a.Id.CompareTo(b.Id);
            return query.Descending ? -order : order;
        }

        ordered.Sort(Compare);
        var after = marker is null ? ordered : ordered.SkipWhile(n => (string)n.Node["uuid"]! != marker).Skip(1);
        if (marker is not null)
        {
            var markerNode = ordered.Single(n => (string)n.Node["uuid"]! == marker);
            after = ordered.Where(n => Compare(n, markerNode) > 0);
        }

        return [.. after.Where(n => query.Filters.All(f => Matches(n.Node, f))).Take(query.Limit).Select(n => (string)n.Node["uuid"]!)];
    }

    private static int CompareValues(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ when a.GetValueKind() == System.Text.Json.JsonValueKind.String => Comparer<string>.Default.Compare((string)a!, (string)b!),
        _ => ((bool)a).CompareTo((bool)b),
    };

    private static bool Matches(JsonObject node, string filter)
    {
        var (name, value) = (filter.Split('=')[0], filter.Split('=')[1]);
        string? Text(string field) => (string?)node[field];
        return name switch
        {
            "maintenance" or "retired" => (bool)node[name]! == bool.Parse(value),
            "associated" => (Text("instance_uuid") is not null) == bool.Parse(value),
            "sharded" => (Text("shard") is not null) == bool.Parse(value),
            "conductor_group" => string.Equals(Text(name), value, StringComparison.OrdinalIgnoreCase),
            "project" => Text("owner") == value || Text("lessee") == value,
            "description_contains" => Text("description")?.Contains(value, StringComparison.Ordinal) == true,
            "shard" => value.Split(',').Contains(Text("shard")),
            _ => Text(name) == value,
        };
    }

    /// <summary>One node: its fields from small sets (so filters and sort ties hit), and flags: maintenance, manage, instance, retired.</summary>
    private sealed record Spec(string? Name, string? Owner, string? Lessee, string? ResourceClass, string? Description, string? Shard, int Flags);

    private sealed record Query(string[] Filters, string SortKey, bool Descending, int Limit, int Marker, bool Detail)
    {
        public string Path(string? marker)
        {
            var args = Filters.Append($"sort_key={SortKey}").Append($"sort_dir={(Descending ? "desc" : "asc")}").Append($"limit={Limit}");
            return $"/v1/nodes{(Detail ? "/detail" : string.Empty)}?{string.Join('&', marker is null ? args : args.Append($"marker={marker}"))}";
        }
    }
}
