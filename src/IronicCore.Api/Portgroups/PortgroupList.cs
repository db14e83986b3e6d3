using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Ports;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using IronicCore.Nodes;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Portgroups;

/// <summary>
/// <c>GET /v1/portgroups</c> (and <c>/detail</c>, a node's): one filter of node, address, shard
/// (1.106) or conductor groups, sorting and paging, with master's query schema messages.
/// </summary>
internal static class PortgroupList
{
    private static readonly string[] InvalidSortKeys = ["extra", "internal_info", "properties"];

    private static readonly string[] Columns =
    [
        "id", "uuid", "name", "address", "mode", "standalone_ports_supported", "physical_network", "category", "dynamic_portgroup",
        "created_at", "updated_at", .. InvalidSortKeys,
    ];

    public static Task Run(HttpContext context, ConductorLoop loop, bool detailPath, string? node)
    {
        var version = context.RequireEndpoint(23);
        var maximum = context.Maximum();
        var master = maximum.Allows(99);
        string[] names = ["node", "address", "marker", "limit", "sort_key", "sort_dir", "fields", "detail", "shard", "conductor_groups"];
        var query = new QueryArgs(context, [.. names.Where(n => (master || n is not ("shard" or "conductor_groups")) && !(detailPath && n is "fields" or "detail"))]);
        var limitArg = query.Int("limit");
        var fields = query.List("fields");
        var detail = query.Bool("detail");
        var shards = query.List("shard");
        var groups = query.List("conductor_groups");
        var nodeArg = node ?? Check(query["node"], master, v => Guid.TryParse(v, out _) || NodeNames.IsValid(v),
            v => $"Schema error: '{v}' is not valid under any of the given schemas. Possible root cause: '{v}' is not a 'uuid'", "Expected UUID or name for node: ");
        var address = Check(query["address"], master, PortWrites.IsMac, v => $"Schema error: '{v}' is not a 'mac-address'", "Expected valid MAC address for address: ");
        var marker = Check(query["marker"], master, v => Guid.TryParse(v, out _), v => $"Schema error: '{v}' is not a 'uuid'", "Expected UUID for marker: ");
        // Served from the published view, off the conductor's loop: one version for the parent check and the list.
        var published = loop.Published;
        Ports.ListParent.Check(published, node, portgroup: null);
        var sortDir = query["sort_dir"] ?? "asc";
        if (master && sortDir is not ("asc" or "desc"))
        {
            throw ApiFault.BadRequest($"Schema error: '{sortDir}' is not one of ['asc', 'desc']");
        }

        var sortKey = query["sort_key"] ?? "id";
        if (shards is not null && !version.Allows(106))
        {
            throw new ApiFault(406, "Request not acceptable. The minimal required API version should be 1.106");
        }

        PortgroupFields.Check(fields, version, maximum);
        PortgroupFields.CheckVersion([sortKey], version);
        if (detail is not null && !version.Allows(43))
        {
            throw ApiFault.BadRequest($"Invalid query parameter ?detail={(detail.Value ? "True" : "False")} received.");
        }

        var returned = Paging.ReturnFields(fields, detail == true, PortgroupFields.ListDefault);
        var shown = detailPath ? null : returned;
        var limit = Paging.Limit(limitArg);
        Paging.SortDirection(sortDir);
        var baseUrl = Links.BaseUrl(context);
        var resource = detailPath ? "portgroups/detail" : "portgroups";
        var portgroups = published.Portgroups;
        var after = marker is null ? null : PortgroupIdent.Find(portgroups, marker);
        if (InvalidSortKeys.Contains(sortKey))
        {
            throw Paging.InvalidSortKey(sortKey, quoted: false);
        }

        if (new object?[] { nodeArg, address, shards?.Length > 0 ? shards : null, groups?.Length > 0 ? groups : null }.Count(f => f is not null) > 1)
        {
            throw ApiFault.BadRequest("Filtering by node, address, or shard simultaneously is not supported.");
        }

        SlotUnion? candidates = null;
        Func<PortgroupView, bool> matches = _ => true;
        if (!string.IsNullOrEmpty(nodeArg))
        {
            var uuid = NodeIdent.Find(published.Nodes, nodeArg, version, jsonSuffixStripped: false).View.Uuid;
            candidates = new SlotUnion([portgroups.Indexes.Of("node_uuid", uuid)]);
            matches = p => p.NodeUuid == uuid;
        }
        else if (!string.IsNullOrEmpty(address))
        {
            // A MAC belongs to one portgroup only.
            candidates = new SlotUnion([portgroups.Indexes.Of("address", address.ToLowerInvariant())]);
            matches = p => string.Equals(p.Address, address, StringComparison.OrdinalIgnoreCase);
        }
        else if (shards is { Length: > 0 })
        {
            matches = p => shards.Contains(published.Nodes.WithUuid(p.NodeUuid)?.View.Shard);
        }
        else if (groups is { Length: > 0 })
        {
            matches = p => groups.Contains(published.Nodes.WithUuid(p.NodeUuid)?.View.ConductorGroup, StringComparer.OrdinalIgnoreCase);
        }

        var page = Listing.Page(portgroups, after, candidates, matches, (sortKey, sortDir), Columns, p => PortgroupFields.Document(p, baseUrl), limit);
        var answer = new JsonObject { ["portgroups"] = new JsonArray([.. page.Select(p => (JsonNode)PortgroupFields.Render(p, version, baseUrl, shown))]) };
        if (Paging.Next(baseUrl, resource, page.Count, limit, sortKey, sortDir, detail, shown, page.LastOrDefault()?.Uuid ?? string.Empty) is { } next)
        {
            answer["next"] = next;
        }

        return Respond.Json(context, answer);
    }

    /// <summary>A query value checked by master's query schema or by 21.4's argument validator.</summary>
    private static string? Check(string? value, bool master, Func<string, bool> valid, Func<string, string> schemaMessage, string argMessage) =>
        value is null || valid(value) ? value : throw ApiFault.BadRequest(master ? schemaMessage(value) : argMessage + value);
}
