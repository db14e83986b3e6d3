using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Nodes;

/// <summary>
/// A node's inspection data (1.81). The simulated inspection stores none, so every node answers
/// as an Ironic node never inspected does with the default database backend: 404 naming the
/// node's database id.
/// </summary>
internal static class InventoryEndpoints
{
    private const int Since = 81;

    public static void Map(IEndpointRouteBuilder routes) => routes.MapGet("/v1/nodes/{ident}/inventory", Show);

    private static async Task Show(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.RequireEndpoint(Since);
        var id = await loop.Run(s => NodeIdent.DatabaseId(s, NodeIdent.Find(s, ident, version).Uuid)).ConfigureAwait(false);
        throw new ApiFault(StatusCodes.Status404NotFound, $"Node inventory record for node {id} could not be found.");
    }
}
