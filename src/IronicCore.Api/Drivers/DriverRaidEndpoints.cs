using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Drivers;

/// <summary>
/// A hardware type's RAID logical disk properties (Ironic's <c>DriverRaidController</c>, 1.12):
/// its default RAID interface's, which for <c>fake</c> and <c>no-raid</c> alike are Ironic's base
/// RAID interface's, read from its RAID schema.
/// </summary>
internal static class DriverRaidEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/v1/drivers/{name}/raid/logical_disk_properties", LogicalDiskProperties);

    private static Task LogicalDiskProperties(HttpContext context, ConductorLoop loop, string name)
    {
        _ = new QueryArgs(context);
        if (!context.Version().Allows(12))
        {
            throw ApiFault.NotAcceptable();
        }

        if (!loop.Drivers.Serves(name))
        {
            throw new DriverNotFoundException(name);
        }

        var answer = new JsonObject();
        foreach (var (property, description) in Conductor.RaidLogicalDiskProperties)
        {
            answer[property] = description;
        }

        return Respond.Json(context, answer);
    }
}
