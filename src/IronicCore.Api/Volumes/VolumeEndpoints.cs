using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Volumes;

/// <summary>
/// Volume (1.32): the volume document at <c>/v1/volume</c> and <c>/v1/nodes/{node}/volume</c>, and
/// what connectors and targets share (list, show, delete), as Ironic's <c>VolumeController</c> and
/// its two sub-controllers answer; below 1.32 every route is 404. Under a node only lists are
/// served: anything else is refused after the item's lookup, with <c>OperationNotPermitted</c>
/// (403) in 21.4 and 2025.1 and <c>MalformedRequestURI</c> (400) in master.
/// </summary>
internal static class VolumeEndpoints
{
    public const int Since = 32;

    private static readonly string[] ListArgs = ["node", "marker", "limit", "sort_key", "sort_dir", "fields", "detail"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/volume", (HttpContext context, ApiVersions versions) => Document(context, "volume/", versions));
        routes.MapGet("/v1/nodes/{node}/volume", (HttpContext context, ApiVersions versions, string node) => Document(context, $"nodes/{node}/volume/", versions));
        VolumeConnectorEndpoints.Map(routes);
        VolumeTargetEndpoints.Map(routes);
    }

    /// <summary>The routes connectors and targets share, at <c>/v1/volume/NAME</c> and under a node.</summary>
    public static void MapShared<T>(IEndpointRouteBuilder routes, VolumeResource<T> resource)
    {
        var path = $"/v1/volume/{resource.Name}";
        var nested = $"/v1/nodes/{{node}}/volume/{resource.Name}";
        routes.MapGet(path, (HttpContext context, ConductorLoop loop) => List(context, loop, resource, parent: null));
        routes.MapGet(nested, (HttpContext context, ConductorLoop loop, string node) => List(context, loop, resource, node));
        routes.MapGet($"{path}/{{uuid}}", (HttpContext context, ConductorLoop loop, string uuid) => Show(context, loop, resource, uuid, nested: false));
        routes.MapGet($"{nested}/{{uuid}}", (HttpContext context, ConductorLoop loop, string uuid) => Show(context, loop, resource, uuid, nested: true));
        routes.MapDelete($"{path}/{{uuid}}", (HttpContext context, ConductorLoop loop, string uuid) => Delete(context, loop, resource, uuid, nested: false));
        routes.MapDelete($"{nested}/{{uuid}}", (HttpContext context, ConductorLoop loop, string uuid) => Delete(context, loop, resource, uuid, nested: true));
        routes.MapPost(path, (HttpContext context, ConductorLoop loop) => Create(context, loop, resource, nested: false));
        routes.MapPost(nested, (HttpContext context, ConductorLoop loop) => Create(context, loop, resource, nested: true));
        routes.MapMethods($"{path}/{{uuid}}", ["PATCH"], (HttpContext context, ConductorLoop loop, string uuid) => Update(context, loop, resource, uuid, nested: false));
        routes.MapMethods($"{nested}/{{uuid}}", ["PATCH"], (HttpContext context, ConductorLoop loop, string uuid) => Update(context, loop, resource, uuid, nested: true));
    }

    /// <summary>Ironic's refusal of a write (or a show) under a node, per release.</summary>
    public static ApiFault NotUnderNode(IronicRelease release) => release == IronicRelease.Master
        ? ApiFault.BadRequest("Malformed request URI.")
        : new ApiFault(StatusCodes.Status403Forbidden, "Operation not permitted.");

    /// <summary>A create body's node: Ironic's controller turns a missing one into <c>InvalidInput</c> (400).</summary>
    public static void EnsureNode(SimulationState simulation, string uuid)
    {
        try
        {
            _ = simulation.Conductor.GetNode(uuid);
        }
        catch (IronicCore.Errors.NodeNotFoundException)
        {
            throw ApiFault.BadRequest($"Invalid input for field/attribute node_uuid. Value: '{uuid}'. ");
        }
    }

    private static void NodeByUuid(SimulationState simulation, string ident)
    {
        if (!Guid.TryParse(ident, out _) || !string.Equals(simulation.Conductor.GetNode(ident).Uuid, ident, StringComparison.OrdinalIgnoreCase))
        {
            throw new IronicCore.Errors.NodeNotFoundException(ident);
        }
    }

    /// <summary>Ironic's <c>uuid</c> argument check of the path.</summary>
    public static void EnsureUuid(string name, string value)
    {
        if (!Guid.TryParse(value, out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for {name}: {value}");
        }
    }

    private static Task Document(HttpContext context, string path, ApiVersions versions)
    {
        if (!context.Version().Allows(Since))
        {
            // 21.4 and 2025.1 raise NotFound in the method; master's api_version decorator answers first.
            throw versions.Release == IronicRelease.Master
                ? new RouterFault(StatusCodes.Status404NotFound, "The API is not supported for this version")
                : new ApiFault(StatusCodes.Status404NotFound, "Resource could not be found.");
        }

        _ = new QueryArgs(context);
        var baseUrl = Links.BaseUrl(context);
        return Respond.Json(context, new JsonObject
        {
            ["links"] = Links.Pair(baseUrl, path),
            ["connectors"] = Links.Pair(baseUrl, $"{path}connectors"),
            ["targets"] = Links.Pair(baseUrl, $"{path}targets"),
        });
    }

    private static async Task List<T>(HttpContext context, ConductorLoop loop, VolumeResource<T> resource, string? parent)
    {
        var version = context.RequireEndpoint(Since);
        var query = new QueryArgs(context, ListArgs);
        var node = parent ?? query["node"];
        if (node is not null && !Guid.TryParse(node, out _) && !IronicCore.Nodes.NodeNames.IsValid(node))
        {
            throw ApiFault.BadRequest($"Expected UUID or name for node: {node}");
        }

        var marker = query["marker"];
        if (marker is not null)
        {
            EnsureUuid("marker", marker);
        }

        var limitArg = query.Int("limit");
        var sortKey = query["sort_key"] ?? "id";
        var sortDir = query["sort_dir"] ?? "asc";
        var fields = query.StringList("fields");
        var detail = query.Bool("detail") == true;
        if (fields is not null && detail)
        {
            throw ApiFault.BadRequest("Can't fetch a subset of fields with 'detail' set");
        }

        var shown = detail ? null : fields ?? (IReadOnlyCollection<string>)resource.ListDefault;
        var limit = Paging.Limit(limitArg);
        sortDir = Paging.SortDirection(sortDir);
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            if (parent is not null)
            {
                // check_volume_list_policy reads the node in the path by UUID only, so a name is not found.
                NodeByUuid(s, parent);
            }

            var all = resource.All(s);
            if (marker is not null && !all.Any(i => string.Equals(resource.UuidOf(i), marker, StringComparison.OrdinalIgnoreCase)))
            {
                throw resource.NotFound(marker);
            }

            if (resource.UnsortableKeys.Contains(sortKey))
            {
                throw Paging.InvalidSortKey(sortKey, quoted: false);
            }

            var nodeUuid = node is null ? null : NodeIdent.Find(s, node, version).Uuid;
            if (sortKey != "id" && !resource.SortKeys.ContainsKey(sortKey))
            {
                throw Paging.InvalidSortKey(sortKey);
            }

            var items = all.Where(i => nodeUuid is null || string.Equals(resource.NodeOf(i), nodeUuid, StringComparison.OrdinalIgnoreCase)).ToList();
            if (sortKey != "id")
            {
                // Ironic's database sorts by the column, then by id.
                items = [.. items.Select((item, id) => (item, id)).OrderBy(p => resource.SortKeys[sortKey](p.item)).ThenBy(p => p.id).Select(p => p.item)];
            }

            if (sortDir == "desc")
            {
                items.Reverse();
            }

            var page = Paging.Page(items, resource.UuidOf, limit, marker, resource.NotFound);
            var result = new JsonObject
            {
                [resource.Name] = new JsonArray([.. page.Select(i => (JsonNode)FieldSelection.Apply(resource.Render(i, baseUrl), shown))]),
            };
            var last = page.Count > 0 ? resource.UuidOf(page[^1]) : string.Empty;
            if (Paging.Next(baseUrl, $"volume/{resource.Name}", page.Count, limit, sortKey, sortDir, detail ? true : null, shown, last) is { } next)
            {
                result["next"] = next;
            }

            return result;
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Show<T>(HttpContext context, ConductorLoop loop, VolumeResource<T> resource, string uuid, bool nested)
    {
        context.RequireEndpoint(Since);
        var query = new QueryArgs(context, "fields");
        EnsureUuid(resource.IdentName, uuid);
        var fields = query.StringList("fields");
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var item = resource.Get(s, uuid);
            return nested ? throw NotUnderNode(s.Conductor.Release) : FieldSelection.Apply(resource.Render(item, baseUrl), fields);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    /// <summary>
    /// Ironic's <c>post</c>: the schema, then the body's node (<c>InvalidInput</c> when missing), then
    /// the refusal under a node; 201 with <c>Location</c>.
    /// </summary>
    private static async Task Create<T>(HttpContext context, ConductorLoop loop, VolumeResource<T> resource, bool nested)
    {
        context.RequireEndpoint(Since);
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, resource.BodyName).ConfigureAwait(false);
        resource.Check(body, resource.BodyName);
        var baseUrl = Links.BaseUrl(context);
        var (uuid, answer) = await loop.Run(s =>
        {
            EnsureNode(s, body["node_uuid"]!.GetValue<string>());
            if (nested)
            {
                throw NotUnderNode(s.Conductor.Release);
            }

            var item = resource.Create(s, body);
            return (resource.UuidOf(item), resource.Render(item, baseUrl));
        }).ConfigureAwait(false);
        context.Response.Headers.Location = $"{baseUrl}/v1/volume/{resource.Name}/{uuid}";
        await Respond.Json(context, answer, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    /// <summary>Ironic's <c>patch</c>: the item, the refusal under a node, the patch, the schema, then the conductor.</summary>
    private static async Task Update<T>(HttpContext context, ConductorLoop loop, VolumeResource<T> resource, string uuid, bool nested)
    {
        var version = context.RequireEndpoint(Since);
        _ = new QueryArgs(context);
        EnsureUuid(resource.IdentName, uuid);
        var operations = JsonPatch.Parse(await RequestBody.ReadAsync(context).ConfigureAwait(false));
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var item = resource.Get(s, uuid);
            if (nested)
            {
                throw NotUnderNode(s.Conductor.Release);
            }

            var after = VolumePatch.Apply(s, version, resource.Document(item), resource.NodeOf(item), operations, resource.Patchable);
            resource.Check(after, "patch");
            return resource.Render(resource.Update(s, resource.UuidOf(item), after), baseUrl);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Delete<T>(HttpContext context, ConductorLoop loop, VolumeResource<T> resource, string uuid, bool nested)
    {
        context.RequireEndpoint(Since);
        _ = new QueryArgs(context);
        EnsureUuid(resource.IdentName, uuid);
        await loop.Run(s =>
        {
            _ = resource.Get(s, uuid);
            if (nested)
            {
                throw NotUnderNode(s.Conductor.Release);
            }

            resource.Delete(s, uuid);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }
}
