using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Nodes;

/// <summary>
/// A node's traits (1.37): list, replace all, add one, remove one or all, with Ironic's schema
/// on trait names; the conductor keeps them (<see cref="Conductor.AddNodeTraits"/>).
/// </summary>
internal static class TraitEndpoints
{
    private const int Since = 37;

    private const string PutUsage =
        "A single node trait may be added via PUT /v1/nodes/<node identifier>/traits/<trait> with no body, " +
        "or all node traits may be replaced via PUT /v1/nodes/<node identifier>/traits with the list of traits specified in the request body.";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/nodes/{ident}/traits", List);
        routes.MapPut("/v1/nodes/{ident}/traits", Replace);
        routes.MapPut("/v1/nodes/{ident}/traits/{trait}", Add);
        routes.MapDelete("/v1/nodes/{ident}/traits", (HttpContext context, ConductorLoop loop, string ident) => Remove(context, loop, ident, trait: null));
        routes.MapDelete("/v1/nodes/{ident}/traits/{trait}", (HttpContext context, ConductorLoop loop, string ident, string trait) => Remove(context, loop, ident, trait));
    }

    private static async Task List(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.RequireEndpoint(Since);
        var traits = await loop.Run(s => NodeIdent.Find(s, ident, version).Traits).ConfigureAwait(false);
        await Respond.Json(context, new JsonObject { ["traits"] = new JsonArray([.. traits.Select(t => (JsonNode)t)]) }).ConfigureAwait(false);
    }

    private static async Task Replace(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.RequireEndpoint(Since);
        var traits = TraitRules.BodyTraits(await RequestBody.ReadAsync(context).ConfigureAwait(false)) ?? throw ApiFault.BadRequest(PutUsage);
        await loop.Run(s =>
        {
            s.Conductor.AddNodeTraits(NodeIdent.Find(s, ident, version).Uuid, traits, replace: true);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    private static async Task Add(HttpContext context, ConductorLoop loop, string ident, string trait)
    {
        _ = new QueryArgs(context);
        var version = context.RequireEndpoint(Since);
        TraitRules.Check("trait", JsonValue.Create(trait));
        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        if (TraitRules.BodyTraits(body) is not null)
        {
            throw ApiFault.BadRequest(PutUsage);
        }

        if (body is JsonObject { Count: > 0 })
        {
            throw ApiFault.BadRequest("No body should be provided when adding a trait");
        }

        await loop.Run(s =>
        {
            s.Conductor.AddNodeTraits(NodeIdent.Find(s, ident, version).Uuid, [trait]);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent, $"{Links.BaseUrl(context)}/v1/nodes/{ident}/traits/{trait}").ConfigureAwait(false);
    }

    private static async Task Remove(HttpContext context, ConductorLoop loop, string ident, string? trait)
    {
        _ = new QueryArgs(context);
        var version = context.RequireEndpoint(Since);
        await loop.Run(s =>
        {
            s.Conductor.RemoveNodeTraits(NodeIdent.Find(s, ident, version).Uuid, trait is null ? null : [trait]);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }
}
