using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Runbooks;

/// <summary>
/// A runbook's traits (1.112): the node traits that may use it. List, replace all, add one,
/// remove one or all; removing a trait the runbook lacks changes nothing (unlike a node's).
/// </summary>
internal static class RunbookTraitEndpoints
{
    private const string PutUsage =
        "A single runbook trait may be added via PUT /v1/runbooks/<runbook identifier>/traits/<trait> with no body, " +
        "or all runbook traits may be replaced via PUT /v1/runbooks/<runbook identifier>/traits with the list of traits specified in the request body.";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/runbooks/{ident}/traits", List);
        routes.MapPut("/v1/runbooks/{ident}/traits", (HttpContext c, ConductorLoop l, string ident) => Put(c, l, ident, trait: null));
        routes.MapPut("/v1/runbooks/{ident}/traits/{trait}", (HttpContext c, ConductorLoop l, string ident, string trait) => Put(c, l, ident, trait));
        routes.MapDelete("/v1/runbooks/{ident}/traits", (HttpContext c, ConductorLoop l, string ident) => Remove(c, l, ident, trait: null));
        routes.MapDelete("/v1/runbooks/{ident}/traits/{trait}", (HttpContext c, ConductorLoop l, string ident, string trait) => Remove(c, l, ident, trait));
    }

    private static ApiVersion Require(HttpContext context)
    {
        RunbookEndpoints.Require(context, RunbookEndpoints.Since, "runbooks");
        return RunbookEndpoints.Require(context, RunbookFields.TraitsSince, "runbook traits");
    }

    private static async Task List(HttpContext context, ConductorLoop loop, string ident)
    {
        Require(context);
        _ = new QueryArgs(context);
        var traits = await loop.Run(s => s.Conductor.GetRunbook(ident).Traits).ConfigureAwait(false);
        await Respond.Json(context, new JsonObject { ["traits"] = new JsonArray([.. traits.Select(t => (JsonNode)t)]) }).ConfigureAwait(false);
    }

    private static async Task Put(HttpContext context, ConductorLoop loop, string ident, string? trait)
    {
        Require(context);
        _ = new QueryArgs(context);
        if (trait is not null)
        {
            TraitRules.Check("trait", JsonValue.Create(trait));
        }

        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        var traits = TraitRules.BodyTraits(body);
        await loop.Run(s =>
        {
            // Ironic finds the runbook before it looks at the request.
            _ = s.Conductor.GetRunbook(ident);
            if ((trait is null) == (traits is null))
            {
                throw ApiFault.BadRequest(PutUsage);
            }

            if (trait is not null && body is JsonObject { Count: > 0 })
            {
                throw ApiFault.BadRequest("No body should be provided when adding a trait");
            }

            if (traits is not null)
            {
                s.Conductor.SetRunbookTraits(ident, traits);
            }
            else
            {
                s.Conductor.AddRunbookTrait(ident, trait!);
            }

            return true;
        }).ConfigureAwait(false);
        var location = trait is null ? null : $"{Links.BaseUrl(context)}/v1/runbooks/{ident}/traits/{trait}";
        await Respond.Empty(context, StatusCodes.Status204NoContent, location).ConfigureAwait(false);
    }

    private static async Task Remove(HttpContext context, ConductorLoop loop, string ident, string? trait)
    {
        Require(context);
        _ = new QueryArgs(context);
        await loop.Run(s =>
        {
            if (trait is null)
            {
                s.Conductor.SetRunbookTraits(ident, []);
            }
            else
            {
                s.Conductor.RemoveRunbookTrait(ident, trait);
            }

            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }
}
