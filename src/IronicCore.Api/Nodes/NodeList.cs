using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Nodes;

/// <summary><c>GET /v1/nodes</c> and <c>/v1/nodes/detail</c>: Ironic's filters, field selection, sorting and paging.</summary>
internal sealed class NodeList
{
    // The filters and the microversion each needs (lower: 406).
    private static readonly (string Name, int Since)[] Filters =
    [
        ("chassis_uuid", 1), ("instance_uuid", 1), ("associated", 1), ("maintenance", 1), ("marker", 1), ("limit", 1),
        ("sort_key", 1), ("sort_dir", 1), ("fields", 8), ("provision_state", 9), ("driver", 16), ("resource_class", 21),
        ("fault", 42), ("detail", 43), ("conductor_group", 46), ("conductor", 49), ("owner", 50), ("description_contains", 51),
        ("retired", 61), ("lessee", 65), ("project", 65), ("shard", 82), ("sharded", 82), ("parent_node", 83), ("include_children", 83),
        ("instance_name", 104),
    ];

    private readonly QueryArgs query;
    private readonly ApiVersion version;
    private readonly IReadOnlyCollection<string>? shown;
    private readonly int limit;
    private readonly string sortKey;
    private readonly string sortDir;
    private readonly NodeFilter filter;

    public NodeList(HttpContext context, bool detailPath)
    {
        version = context.Version();
        query = detailPath
            ? new QueryArgs(context, [.. Filters.Select(f => f.Name).Where(n => n != "fields")])
            : new QueryArgs(context, [.. Filters.Select(f => f.Name)]);
        foreach (var (name, since) in Filters)
        {
            if (query.Has(name) && !version.Allows(since) && !(detailPath && name == "detail"))
            {
                throw ApiFault.NotAcceptable();
            }
        }

        foreach (var flag in new[] { "associated", "maintenance", "retired", "sharded", "include_children" })
        {
            query.Bool(flag);
        }

        var fields = query.List("fields");
        var returned = Paging.ReturnFields(fields, query.Bool("detail") == true, NodeFields.ListDefault);
        shown = detailPath ? null : returned;
        foreach (var field in fields ?? [])
        {
            if (!NodeFields.ByName.TryGetValue(field, out var known))
            {
                throw ApiFault.BadRequest($"Field {field} is not a valid field.");
            }

            if (!version.Allows(known.Since))
            {
                throw ApiFault.NotAcceptable();
            }
        }

        limit = Paging.Limit(query.Int("limit"));
        sortDir = Paging.SortDirection(query["sort_dir"]);
        sortKey = query["sort_key"] ?? "id";
        if (!NodeSortKeys.IsSortable(sortKey))
        {
            throw Paging.InvalidSortKey(sortKey);
        }

        if (query["provision_state"] is { } state && !IronicNames.TryParse<ProvisionState>(state, out _))
        {
            throw ApiFault.BadRequest($"Provision state \"{state}\" is not valid");
        }

        if (query["fault"] is { } fault && !IronicNames.TryParse<NodeFault>(fault, out _))
        {
            throw ApiFault.BadRequest(
                $"Unknown fault: {fault}. Valid values are: {string.Join(", ", IronicNames.All<NodeFault>())}");
        }

        filter = new NodeFilter(query);
    }

    /// <summary>
    /// The page as Ironic answers it, read from one published version of the nodes (off the
    /// conductor's loop). Ironic's order is the sort key then <c>id</c> (creation order, the slots'),
    /// and a marker (any node, matching the filters or not) starts the page after its place in
    /// that order. In <c>id</c> order the page is read from the slots after the marker's (those of
    /// the most selective indexed filter only); in another column's, from the entries after the
    /// marker's in the column's published order, unless an indexed filter leaves so few candidates
    /// that selecting the page among them costs less (<see cref="Selective"/>).
    /// </summary>
    public (List<byte[]> Nodes, string? Next) Render(PublishedNodes nodes, string baseUrl, string path)
    {
        var marker = query["marker"] is { } uuid ? Paging.Marker(uuid, nodes.WithUuid, m => new NodeNotFoundException(m)) : null;
        var descending = sortDir == "desc";
        var candidates = filter.Candidates(nodes.Indexes);
        List<NodeSnapshot> page;
        if (sortKey == "id")
        {
            page = Paging.InSlotOrder(nodes.Slots, slot => nodes[slot], marker is null ? null : nodes.SlotOf(marker), descending, limit, filter.Matches, candidates is null ? null : candidates.Next);
        }
        else
        {
            var (order, key) = nodes.Orders.Of(sortKey)!.Value;
            page = candidates is not null && Selective(candidates.Count, nodes.Slots, limit)
                ? Paging.Sorted(Matching(nodes, candidates), key, marker is null ? null : (marker, nodes.SlotOf(marker)), descending, limit)
                : order.Page(slot => nodes[slot], marker is null ? null : (key(marker), nodes.SlotOf(marker)), descending, limit, filter.Matches);
        }

        var rendered = new List<byte[]>(page.Count);
        foreach (var node in page)
        {
            rendered.Add(NodeRenderer.RenderBytes(node, version, baseUrl, shown));
        }

        return (rendered, page.Count == limit ? Next(baseUrl, path, shown, page[^1].View.Uuid) : null);
    }

    /// <summary>
    /// Whether selecting the page among <paramref name="candidates"/> costs less than walking the
    /// column's order: a walk reads about <c>limit × slots / candidates</c> entries at O(log slots)
    /// each before the page is full, a selection reads every candidate once.
    /// </summary>
    private static bool Selective(long candidates, int slots, int limit) =>
        candidates * candidates <= (long)limit * slots * (64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(slots, 1)));

    private IEnumerable<(NodeSnapshot Item, int Slot)> Matching(PublishedNodes nodes, SlotUnion candidates)
    {
        for (var slot = candidates.Next(0, 1); slot >= 0; slot = candidates.Next(slot + 1, 1))
        {
            if (nodes[slot] is { } node && filter.Matches(node))
            {
                yield return (node, slot);
            }
        }
    }

    /// <summary>Ironic's <c>next</c> link keeps only sorting, fields and the truthy boolean filters.</summary>
    private string Next(string baseUrl, string path, IReadOnlyCollection<string>? shown, string marker)
    {
        var next = new StringBuilder($"{baseUrl}{path}?sort_key={sortKey}&sort_dir={sortDir}");
        next.Append(shown is null ? "&detail=True" : $"&fields={string.Join(',', shown)}");
        foreach (var flag in new[] { "associated", "maintenance", "retired" })
        {
            if (query.Bool(flag) == true)
            {
                next.Append(CultureInfo.InvariantCulture, $"&{flag}=True");
            }
        }

        return next.Append(CultureInfo.InvariantCulture, $"&limit={limit}&marker={marker}").ToString();
    }
}
