using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Root;

/// <summary>
/// Resources <c>/v1</c> links that the simulation does not model yet: volume (1.32: its document,
/// connectors and targets) and deploy templates (1.55). Lists answer empty, as an Ironic without
/// any does; creating one is refused with 400 naming what is not simulated, so nothing is
/// accepted and then ignored.
/// </summary>
internal static class UnmodelledCollections
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/volume", (HttpContext context) =>
        {
            context.RequireEndpoint(32);
            _ = new QueryArgs(context);
            var baseUrl = Links.BaseUrl(context);
            return Respond.Json(context, new JsonObject
            {
                ["links"] = Links.Pair(baseUrl, "volume/"),
                ["connectors"] = Links.Pair(baseUrl, "volume/connectors"),
                ["targets"] = Links.Pair(baseUrl, "volume/targets"),
            });
        });
        Collection(routes, "volume/connectors", "connectors", 32, "volume connectors");
        Collection(routes, "volume/targets", "targets", 32, "volume targets");
        Collection(routes, "deploy_templates", "deploy_templates", 55, "deploy templates");
    }

    private static void Collection(IEndpointRouteBuilder routes, string path, string name, int since, string what)
    {
        routes.MapGet($"/v1/{path}", (HttpContext context) =>
        {
            context.RequireEndpoint(since);
            _ = new QueryArgs(context, "node", "marker", "limit", "sort_key", "sort_dir", "fields", "detail");
            return Respond.Json(context, new JsonObject { [name] = new JsonArray() });
        });
        routes.MapPost($"/v1/{path}", (HttpContext context) =>
        {
            if (!context.Version().Allows(since))
            {
                throw new RouterFault(StatusCodes.Status405MethodNotAllowed, string.Empty);
            }

            throw ApiFault.BadRequest($"The simulator does not model {what}: ironic-sim serve cannot create them (docs/api.md).");
        });
    }
}
