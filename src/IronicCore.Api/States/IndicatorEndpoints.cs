using System.Text.Json.Nodes;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.States;

/// <summary>
/// A node's indicators (Ironic's <c>IndicatorController</c>, API 1.63 by its name, though Ironic's
/// controller checks no version): the list of every component's indicators, an indicator's state,
/// and setting it. An indicator is named <c>id@component</c> (<c>IndicatorAtComponent</c>).
/// </summary>
internal static class IndicatorEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/nodes/{ident}/management/indicators", List);
        routes.MapGet("/v1/nodes/{ident}/management/indicators/{indicator}", GetState);
        routes.MapPut("/v1/nodes/{ident}/management/indicators/{indicator}", SetState);
    }

    /// <summary><c>get_all</c>: each indicator with its unique name, component, <c>readonly</c>, <c>states</c> and links under the node as the request named it.</summary>
    private static async Task List(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        IronicArgs.UuidOrName("node_ident", ident);
        var version = context.Version();
        var indicators = await loop.Run(s => s.Conductor.GetIndicators(NodeIdent.Find(s, ident, version).Uuid)).ConfigureAwait(false);
        var baseUrl = Links.BaseUrl(context);
        var list = new JsonArray();
        foreach (var indicator in indicators)
        {
            var name = $"{indicator.Name}@{indicator.Component}";
            list.Add(new JsonObject
            {
                ["name"] = name,
                ["component"] = indicator.Component,
                ["readonly"] = indicator.ReadOnly,
                ["states"] = new JsonArray([.. indicator.States.Select(state => (JsonNode)state)]),
                ["links"] = Links.Pair(baseUrl, $"nodes/{ident}/management/indicators/{name}"),
            });
        }

        await Respond.Json(context, new JsonObject { ["indicators"] = list }).ConfigureAwait(false);
    }

    /// <summary><c>get_one</c>: <c>{"state": ...}</c>.</summary>
    private static async Task GetState(HttpContext context, ConductorLoop loop, string ident, string indicator)
    {
        _ = new QueryArgs(context);
        IronicArgs.UuidOrName("node_ident", ident);
        var version = context.Version();
        var state = await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            var (name, component) = Parse(indicator);
            return s.Conductor.GetIndicatorState(node.Uuid, component, name);
        }).ConfigureAwait(false);
        await Respond.Json(context, new JsonObject { ["state"] = state }).ConfigureAwait(false);
    }

    /// <summary><c>put</c>: the state (a mandatory string, from the body) to the conductor; 204.</summary>
    private static async Task SetState(HttpContext context, ConductorLoop loop, string ident, string indicator)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "indicator").ConfigureAwait(false);
        RequestBody.AllowOnly(body, "state");
        IronicArgs.UuidOrName("node_ident", ident);
        var state = IronicArgs.RequiredString(body, "state");
        var version = context.Version();
        await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            var (name, component) = Parse(indicator);
            s.Conductor.SetIndicatorState(node.Uuid, component, name, state);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    /// <summary><c>IndicatorAtComponent(unique_name=...)</c>: split at the first <c>@</c>, the id before it, the component after.</summary>
    private static (string Name, string Component) Parse(string unique)
    {
        var at = unique.IndexOf('@', StringComparison.Ordinal);
        return at < 0
            ? throw new InvalidParameterValueException($"Malformed indicator name \"{unique}\"")
            : (unique[..at], unique[(at + 1)..]);
    }
}
