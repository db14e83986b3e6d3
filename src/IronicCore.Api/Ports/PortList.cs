using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Portgroups;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using IronicCore.Nodes;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Ports;

/// <summary>
/// <c>GET /v1/ports</c> (and <c>/detail</c>, a node's, a portgroup's): Ironic's filters — one of
/// portgroup, node, address, shard, else all (master: by conductor group too) — sorting and paging.
/// </summary>
internal static class PortList
{
    private static readonly string[] InvalidSortKeys = ["extra", "internal_info", "local_link_connection"];

    private static readonly string[] Columns =
    [
        "id", "uuid", "address", "pxe_enabled", "physical_network", "is_smartnic", "name", "description", "vendor", "category",
        "available_for_dynamic_portgroup", "created_at", "updated_at", .. InvalidSortKeys,
    ];

    public static Task Run(HttpContext context, ConductorLoop loop, bool detailPath, string? node, string? portgroup)
    {
        var maximum = context.Maximum();
        var master = maximum.Allows(99);
        string[] names = ["node", "node_uuid", "address", "marker", "limit", "sort_key", "sort_dir", "fields", "portgroup", "detail", "shard", "description_contains", "conductor_groups"];
        var query = new QueryArgs(context, [.. names.Where(n => (master || n is not ("description_contains" or "conductor_groups")) && !(detailPath && n is "fields" or "detail"))]);
        var version = context.Version();
        var nodeArg = Check(query["node"], v => Guid.TryParse(v, out _) || IronicCore.Nodes.NodeNames.IsValid(v), "Expected UUID or name for node: ");
        var nodeUuid = Check(query["node_uuid"], v => Guid.TryParse(v, out _), "Expected UUID for node_uuid: ");
        var address = Check(query["address"], PortWrites.IsMac, "Expected valid MAC address for address: ")?.ToLowerInvariant();
        Check(query["marker"], v => Guid.TryParse(v, out _), "Expected UUID for marker: ");
        var limitArg = query.Int("limit");
        // Served from the published view, off the conductor's loop: one version for the parent check and the list.
        var published = loop.Published;
        ListParent.Check(published, node, portgroup);
        var limit = Paging.Limit(limitArg);
        var sortKey = query["sort_key"] ?? "id";
        var sortDir = query["sort_dir"] ?? "asc";
        var fields = query.List("fields");
        var portgroupArg = portgroup ?? Check(query["portgroup"], v => Guid.TryParse(v, out _) || IronicCore.Nodes.NodeNames.IsValid(v), "Expected UUID or name for portgroup: ");
        var detail = query.Bool("detail");
        var shards = query.List("shard");
        var description = query["description_contains"];
        var groups = query.List("conductor_groups");

        if (fields is not null && !version.Allows(8))
        {
            throw ApiFault.NotAcceptable();
        }

        var known = PortFields.Known(maximum).ToList();
        PortWrites.CheckVersion([.. (fields ?? []).Where(known.Contains), sortKey], null, version);
        if (portgroupArg is not null && !version.Allows(24))
        {
            throw ApiFault.NotAcceptable();
        }

        if (shards is not null && !version.Allows(82))
        {
            throw new ApiFault(406, "Request not acceptable. The minimal required API version should be 1.82");
        }

        if (detail is not null && !version.Allows(43))
        {
            throw ApiFault.BadRequest($"Invalid query parameter ?detail={(detail.Value ? "True" : "False")} received.");
        }

        var returned = Paging.ReturnFields(fields, detail == true, PortFields.ListDefault);
        var shown = detailPath ? null : returned;
        var ownerIdent = node ?? nodeUuid ?? nodeArg;
        if (nodeUuid is null && nodeArg is not null && !version.Allows(5) && !Guid.TryParse(nodeArg, out _))
        {
            throw ApiFault.NotAcceptable();
        }

        Paging.SortDirection(sortDir);
        if (InvalidSortKeys.Contains(sortKey))
        {
            throw Paging.InvalidSortKey(sortKey, quoted: false);
        }

        if (new[] { ownerIdent, portgroupArg, shards?.Length > 0 ? "shard" : null }.Count(f => !string.IsNullOrEmpty(f)) > 1)
        {
            throw new ApiFault(403, "Operation not permitted.");
        }

        if (groups is { Length: > 0 } && (ownerIdent is not null || portgroupArg is not null || address is not null))
        {
            throw ApiFault.BadRequest("Filtering by conductor_groups cannot be combined with node_ident, portgroup_ident, or node address filters.");
        }

        var baseUrl = Links.BaseUrl(context);
        var resource = detailPath ? "ports/detail" : "ports";
        var ports = published.Ports;
        var marker = query["marker"] is { } m ? PortIdent.Find(ports, m) : null;
        SlotUnion? candidates = null;
        Func<PortView, bool> matches = _ => true;
        if (!string.IsNullOrEmpty(portgroupArg))
        {
            var uuid = PortgroupIdent.Find(published.Portgroups, portgroupArg).Uuid;
            candidates = new SlotUnion([ports.Indexes.Of("portgroup_uuid", uuid.ToLowerInvariant())]);
            matches = p => string.Equals(p.PortgroupUuid, uuid, StringComparison.OrdinalIgnoreCase);
        }
        else if (!string.IsNullOrEmpty(ownerIdent))
        {
            var uuid = NodeIdent.Find(published.Nodes, ownerIdent, version, jsonSuffixStripped: false).View.Uuid;
            candidates = new SlotUnion([ports.Indexes.Of("node_uuid", uuid)]);
            matches = p => p.NodeUuid == uuid;
        }
        else if (!string.IsNullOrEmpty(address))
        {
            candidates = new SlotUnion([ports.Indexes.Of("address", address)]);
            matches = p => p.Address == address;
        }
        else if (shards is { Length: > 0 })
        {
            matches = p => shards.Contains(published.Nodes.WithUuid(p.NodeUuid)?.View.Shard);
        }
        else if (groups is { Length: > 0 })
        {
            matches = p => groups.Contains(published.Nodes.WithUuid(p.NodeUuid)?.View.ConductorGroup, StringComparer.OrdinalIgnoreCase);
        }

        if (description is not null && address is null)
        {
            var filtered = matches;
            matches = p => filtered(p) && p.Description?.Contains(description, StringComparison.Ordinal) == true;
        }

        var page = Listing.Page(ports, marker, candidates, matches, (sortKey, sortDir), Columns, p => PortFields.Document(p, baseUrl), limit);
        Listing.CheckFields(shown, known);
        var answer = new JsonObject { ["ports"] = new JsonArray([.. page.Select(p => (JsonNode)PortFields.Render(p, version, baseUrl, shown))]) };
        if (Paging.Next(baseUrl, resource, page.Count, limit, sortKey, sortDir, detail, shown, page.LastOrDefault()?.Uuid ?? string.Empty) is { } next)
        {
            answer["next"] = next;
        }

        return Respond.Json(context, answer);
    }

    /// <summary>One of Ironic's argument validators: the value, or 400 with its message.</summary>
    private static string? Check(string? value, Func<string, bool> valid, string message) =>
        value is null || valid(value) ? value : throw ApiFault.BadRequest(message + value);
}
