using System.Text.Json.Nodes;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Nodes;

/// <summary><c>GET /v1/nodes/{node}/children</c> (1.83): the UUIDs of the nodes whose <c>parent_node</c> it is, and a link to list them.</summary>
internal static class ChildrenEndpoints
{
    private const int Since = 83;

    public static void Map(IEndpointRouteBuilder routes) => routes.MapGet("/v1/nodes/{ident}/children", List);

    private static async Task List(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.RequireEndpoint(Since);
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var parent = NodeIdent.Find(s, ident, version).Uuid;
            var children = s.Conductor.Nodes.Where(n => n.ParentNode == parent).Select(n => (JsonNode)n.Uuid);
            return new JsonObject
            {
                ["children"] = new JsonArray([.. children]),
                ["links"] = new JsonObject { ["href"] = $"{baseUrl}/v1/nodes?parent_node={parent}", ["rel"] = "children" },
            };
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }
}
