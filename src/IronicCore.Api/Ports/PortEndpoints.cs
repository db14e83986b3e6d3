using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.Conductor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Ports;

/// <summary>Ports: list (all or one node's), show, create, update, delete; UUIDs only, MACs unique.</summary>
internal static class PortEndpoints
{
    private static readonly string[] ListArgs = ["node", "node_uuid", "address", "portgroup", "fields", "detail", "limit", "marker", "sort_key", "sort_dir"];
    private static readonly string[] SortKeys = ["id", "uuid", "address", "created_at", "updated_at"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/ports", (HttpContext c, ConductorLoop l) => List(c, l, detailPath: false, node: null));
        routes.MapGet("/v1/ports/detail", (HttpContext c, ConductorLoop l) => List(c, l, detailPath: true, node: null));
        routes.MapGet("/v1/nodes/{ident}/ports", (HttpContext c, ConductorLoop l, string ident) => List(c, l, detailPath: false, node: ident));
        routes.MapGet("/v1/nodes/{ident}/ports/detail", (HttpContext c, ConductorLoop l, string ident) => List(c, l, detailPath: true, node: ident));
        routes.MapGet("/v1/ports/{uuid}", Show);
        routes.MapPost("/v1/ports", Create);
        routes.MapMethods("/v1/ports/{uuid}", ["PATCH"], Update);
        routes.MapDelete("/v1/ports/{uuid}", Delete);
    }

    private static async Task List(HttpContext context, ConductorLoop loop, bool detailPath, string? node)
    {
        var query = new QueryArgs(context, ListArgs);
        var version = context.Version();
        var fields = query.List("fields");
        var detail = detailPath || query.Bool("detail") == true;
        if (fields is not null && detail)
        {
            throw ApiFault.BadRequest("Can not specify ?detail=True and fields in the same request.");
        }

        var limit = Paging.Limit(query.Int("limit"));
        var sortDir = Paging.SortDirection(query["sort_dir"]);
        var sortKey = query["sort_key"] ?? "id";
        if (!SortKeys.Contains(sortKey))
        {
            throw ApiFault.BadRequest($"The sort_key value \"{sortKey}\" is an invalid field for sorting");
        }

        var address = query["address"]?.ToLowerInvariant();
        var baseUrl = Links.BaseUrl(context);
        var path = context.Request.Path.Value!;
        var answer = await loop.Run(s =>
        {
            var owner = (node ?? query["node"]) is { } ident ? NodeIdent.Find(s, ident, version).Uuid : query["node_uuid"];
            var ports = s.Ports.All.Where(p => (owner is null || p.NodeUuid == owner) && (address is null || p.Address == address)).ToList();
            if (sortKey != "id")
            {
                ports = [.. ports.OrderBy(p => SortValue(p, sortKey), StringComparer.Ordinal)];
            }

            if (sortDir == "desc")
            {
                ports.Reverse();
            }

            var page = Paging.Page(ports, p => p.Uuid, limit, query["marker"], m => new ApiFault(404, $"Port {m} could not be found."));
            var shown = detail ? null : fields ?? PortFields.ListDefault;
            var result = new JsonObject { ["ports"] = new JsonArray([.. page.Select(p => (JsonNode)PortFields.Render(p, version, baseUrl, shown))]) };
            if (page.Count == limit)
            {
                result["next"] = $"{baseUrl}{path}?sort_key={sortKey}&sort_dir={sortDir}&limit={limit}&marker={page[^1].Uuid}";
            }

            return result;
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static string? SortValue(Port port, string key) => key switch
    {
        "uuid" => port.Uuid,
        "address" => port.Address,
        "created_at" => port.CreatedAt.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
        _ => port.UpdatedAt?.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task Show(HttpContext context, ConductorLoop loop, string uuid)
    {
        var query = new QueryArgs(context, "fields");
        var version = context.Version();
        var fields = query.List("fields");
        EnsureUuid(uuid);
        var baseUrl = Links.BaseUrl(context);
        var port = await loop.Run(s => PortFields.Render(s.Ports.Get(uuid), version, baseUrl, fields)).ConfigureAwait(false);
        await Respond.Json(context, port).ConfigureAwait(false);
    }

    private static async Task Create(HttpContext context, ConductorLoop loop)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "port").ConfigureAwait(false);
        var version = context.Version();
        foreach (var (field, _) in body)
        {
            PortWrites.Check(field, version);
        }

        foreach (var required in new[] { "address", "node_uuid" })
        {
            if (body[required] is null)
            {
                throw ApiFault.BadRequest($"Schema error for port: '{required}' is a required property");
            }
        }

        var nodeUuid = RequestBody.String(body, "node_uuid")!;
        if (!Guid.TryParse(nodeUuid, out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for node_uuid: {nodeUuid}");
        }

        if (RequestBody.String(body, "uuid") is { } given && !Guid.TryParse(given, out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for uuid: {given}");
        }

        var baseUrl = Links.BaseUrl(context);
        var (uuid, answer) = await loop.Run(s =>
        {
            var node = s.Conductor.GetNode(nodeUuid);
            var port = new Port(RequestBody.String(body, "uuid") ?? Guid.NewGuid().ToString(), node.Uuid, s.Now);
            foreach (var (field, value) in body.Where(p => p.Key is not ("uuid" or "node_uuid")))
            {
                PortWrites.Store(port, field, value);
            }

            if (s.Ports.All.Any(p => string.Equals(p.Uuid, port.Uuid, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ApiFault(409, $"A port with UUID {port.Uuid} already exists.");
            }

            s.Ports.Add(port);
            return (port.Uuid, PortFields.Render(port, version, baseUrl));
        }).ConfigureAwait(false);
        context.Response.Headers.Location = $"{baseUrl}/v1/ports/{uuid}";
        await Respond.Json(context, answer, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task Update(HttpContext context, ConductorLoop loop, string uuid)
    {
        _ = new QueryArgs(context);
        EnsureUuid(uuid);
        var operations = JsonPatch.Parse(await RequestBody.ReadAsync(context).ConfigureAwait(false));
        var version = context.Version();
        foreach (var operation in operations)
        {
            var field = JsonPatch.Path(operation).Split('/')[1];
            if (!PortWrites.Patchable.Contains(field))
            {
                throw new InvalidException($"Cannot patch {JsonPatch.Path(operation)}. Only the following can be updated: {string.Join(", ", PortWrites.Patchable)}");
            }

            PortWrites.Check(field, version);
        }

        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var port = s.Ports.Get(uuid);
            var before = PortFields.Render(port, new ApiVersion(1, int.MaxValue), baseUrl);
            var after = JsonPatch.Apply(before, operations);
            var changed = new Port(port.Uuid, port.NodeUuid, port.CreatedAt);
            foreach (var field in PortWrites.Patchable.Where(f => f != "node_uuid"))
            {
                PortWrites.Store(changed, field, after[field]);
            }

            if (after["node_uuid"]?.GetValue<string>() != port.NodeUuid)
            {
                throw ApiFault.BadRequest("Moving a port to another node is not simulated.");
            }

            if (changed.Address != port.Address && s.Ports.ByAddress(changed.Address) is not null)
            {
                throw new ApiFault(409, $"A port with MAC address {changed.Address} already exists.");
            }

            foreach (var field in PortWrites.Patchable.Where(f => f != "node_uuid"))
            {
                PortWrites.Store(port, field, after[field]);
            }

            port.UpdatedAt = s.Now;
            return PortFields.Render(port, version, baseUrl);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Delete(HttpContext context, ConductorLoop loop, string uuid)
    {
        _ = new QueryArgs(context);
        EnsureUuid(uuid);
        await loop.Run(s =>
        {
            s.Ports.Remove(s.Ports.Get(uuid));
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    private static void EnsureUuid(string uuid)
    {
        if (!Guid.TryParse(uuid, out _))
        {
            throw ApiFault.BadRequest($"Expected a UUID but received {uuid}.");
        }
    }
}
