using System.Text.Json.Nodes;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using IronicCore.Configuration;
using IronicCore.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Drivers;

/// <summary>The hardware types this conductor serves: list, one, and its properties.</summary>
internal static class DriverEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/drivers", List);
        routes.MapGet("/v1/drivers/{name}", Show);
        routes.MapGet("/v1/drivers/{name}/properties", Properties);
    }

    private static Task List(HttpContext context, ConductorLoop loop)
    {
        var query = new QueryArgs(context, "type", "detail", "fields");
        var version = context.Version();
        if ((query.Has("detail") && !version.Allows(30)) || (query.Has("fields") && !version.Allows(77)))
        {
            throw Errors.ApiFault.NotAcceptable();
        }

        var type = query["type"];
        if (type is not (null or "classic" or "dynamic"))
        {
            throw Errors.ApiFault.BadRequest($"Invalid type: {type}. Valid values are classic, dynamic.");
        }

        var detail = query.Bool("detail") == true;
        var baseUrl = Links.BaseUrl(context);
        var drivers = type == "classic"
            ? []
            : loop.Drivers.Names.Select(name => (JsonNode)Driver(loop, name, baseUrl, detail && version.Allows(30))).ToArray();
        return Respond.Json(context, new JsonObject { ["drivers"] = new JsonArray(drivers) });
    }

    private static Task Show(HttpContext context, ConductorLoop loop, string name)
    {
        _ = new QueryArgs(context, "fields");
        var version = context.Version();
        return Respond.Json(context, Driver(loop, Known(loop, name), Links.BaseUrl(context), version.Allows(30)));
    }

    private static Task Properties(HttpContext context, ConductorLoop loop, string name)
    {
        _ = new QueryArgs(context);
        return Respond.Json(context, DriverProperties.Of(loop.Drivers, Known(loop, name)));
    }

    private static string Known(ConductorLoop loop, string name) =>
        loop.Drivers.Serves(name) ? name : throw new DriverNotFoundException(name);

    private static JsonObject Driver(ConductorLoop loop, string name, string baseUrl, bool detail)
    {
        var driver = new JsonObject
        {
            ["name"] = name,
            ["hosts"] = new JsonArray([.. loop.Hosts.Names.Select(h => (JsonNode)h)]),
            ["type"] = "dynamic",
            ["links"] = Links.Pair(baseUrl, $"drivers/{name}"),
            ["properties"] = Links.Pair(baseUrl, $"drivers/{name}/properties"),
        };
        if (detail)
        {
            loop.Drivers.AddDetail(name, driver);
        }

        return driver;
    }
}
