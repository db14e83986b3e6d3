using System.Text.Json.Nodes;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Root;

/// <summary>Resources the simulation does not model but clients list: always empty (chassis, allocations).</summary>
internal static class EmptyCollections
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        Empty(routes, "chassis", since: 1);
        Empty(routes, "allocations", since: 52);
    }

    private static void Empty(IEndpointRouteBuilder routes, string name, int since)
    {
        routes.MapGet($"/v1/{name}", (HttpContext context) =>
        {
            context.RequireEndpoint(since);
            return Respond.Json(context, new JsonObject { [name] = new JsonArray() });
        });
    }
}
