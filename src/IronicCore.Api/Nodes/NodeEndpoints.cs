using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Nodes;

/// <summary>The node collection and its members: list, detail, show, create, update, delete.</summary>
internal static class NodeEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/nodes", (HttpContext context, ConductorLoop loop) => List(context, loop, detailPath: false));
        routes.MapGet("/v1/nodes/detail", (HttpContext context, ConductorLoop loop) => List(context, loop, detailPath: true));
        routes.MapGet("/v1/nodes/{ident}", Show);
        routes.MapPost("/v1/nodes", Create);
        routes.MapMethods("/v1/nodes/{ident}", ["PATCH"], Update);
        routes.MapDelete("/v1/nodes/{ident}", Delete);
    }

    public static async Task List(HttpContext context, ConductorLoop loop, bool detailPath)
    {
        var list = new NodeList(context, detailPath);
        var baseUrl = Links.BaseUrl(context);
        var path = context.Request.Path.Value!;
        var (nodes, next) = list.Render(loop.Nodes, baseUrl, path);
        await Respond.Collection(context, "nodes", nodes, next).ConfigureAwait(false);
    }

    private static async Task Show(HttpContext context, ConductorLoop loop, string ident)
    {
        var query = new QueryArgs(context, "fields");
        var version = context.Version();
        var fields = query.List("fields");
        if (fields is not null && !version.Allows(8))
        {
            throw Errors.ApiFault.NotAcceptable();
        }

        foreach (var field in fields ?? [])
        {
            if (!NodeFields.ByName.ContainsKey(field))
            {
                throw Errors.ApiFault.BadRequest($"Field {field} is not a valid field.");
            }
        }

        var baseUrl = Links.BaseUrl(context);
        var stripped = JsonSuffix.WasStripped(context);
        var node = NodeIdent.Find(loop.Nodes, ident, version, stripped);
        await Respond.Utf8(context, NodeRenderer.RenderBytes(node, version, baseUrl, fields)).ConfigureAwait(false);
    }

    private static async Task Create(HttpContext context, ConductorLoop loop)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "node").ConfigureAwait(false);
        var version = context.Version();
        var baseUrl = Links.BaseUrl(context);
        var (uuid, node) = await loop.Run(s =>
        {
            var created = NodeCreate.Run(s, body, version);
            return (created.View.Uuid, NodeRenderer.Render(created, version, baseUrl));
        }).ConfigureAwait(false);
        context.Response.Headers.Location = $"{baseUrl}/v1/nodes/{uuid}";
        await Respond.Json(context, node, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task Update(HttpContext context, ConductorLoop loop, ApiVersions versions, string ident)
    {
        var query = new QueryArgs(context, "reset_interfaces");
        var version = context.Version();
        if (query.Has("reset_interfaces") && !version.Allows(45))
        {
            throw Errors.ApiFault.NotAcceptable();
        }

        var resetInterfaces = query.Bool("reset_interfaces") == true;
        var operations = JsonPatch.Parse(await RequestBody.ReadAsync(context).ConfigureAwait(false));
        var baseUrl = Links.BaseUrl(context);
        var stripped = JsonSuffix.WasStripped(context);
        var node = await loop.Run(s => NodeRenderer.Render(NodePatch.Run(s, ident, stripped, operations, version, versions, resetInterfaces), version, baseUrl)).ConfigureAwait(false);
        await Respond.Json(context, node).ConfigureAwait(false);
    }

    private static async Task Delete(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.Version();
        var stripped = JsonSuffix.WasStripped(context);
        await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version, stripped);
            s.Conductor.DeleteNode(node.Uuid);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }
}
