using System.Text.Json.Nodes;
using IronicCore.Api.Drivers;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Conductors;

/// <summary>The conductor services (1.49): the simulation's one, or a fleet's; always alive.</summary>
internal static class ConductorEndpoints
{
    private const int Since = 49;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/conductors", List);
        routes.MapGet("/v1/conductors/{hostname}", Show);
    }

    private static Task List(HttpContext context, ConductorLoop loop)
    {
        var query = new QueryArgs(context, "detail", "fields", "limit", "marker", "sort_key", "sort_dir");
        context.RequireEndpoint(Since);
        var baseUrl = Links.BaseUrl(context);
        var detail = query.Bool("detail") == true;
        var conductors = loop.Hosts.Names.Select(host => (JsonNode)Conductor(loop, host, baseUrl, detail)).ToArray();
        return Respond.Json(context, new JsonObject { ["conductors"] = new JsonArray(conductors) });
    }

    private static Task Show(HttpContext context, ConductorLoop loop, string hostname)
    {
        _ = new QueryArgs(context, "fields");
        context.RequireEndpoint(Since);
        return loop.Hosts.Contains(hostname)
            ? Respond.Json(context, Conductor(loop, hostname, Links.BaseUrl(context), detail: true))
            : throw new ApiFault(StatusCodes.Status404NotFound, $"Conductor {hostname} could not be found.");
    }

    private static JsonObject Conductor(ConductorLoop loop, string host, string baseUrl, bool detail)
    {
        var conductor = new JsonObject
        {
            ["hostname"] = host,
            ["conductor_group"] = loop.Options.ConductorGroup,
            ["alive"] = true,
            ["links"] = Links.Pair(baseUrl, $"conductors/{host}"),
        };
        if (detail)
        {
            conductor["created_at"] = Timestamps.Format(loop.StartedAt);
            conductor["updated_at"] = Timestamps.Format(loop.StartedAt);
            conductor["drivers"] = new JsonArray([.. loop.Drivers.Names.Select(n => (JsonNode)n)]);
        }

        return conductor;
    }
}
