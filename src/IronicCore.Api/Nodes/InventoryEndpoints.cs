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
/// A node's inspection data (1.81) as Ironic's <c>get_inspection_data</c> answers with the default
/// database backend: the record the last inspection stored (redfish in 2025.1 and master),
/// <c>{"inventory": ..., "plugin_data": ...}</c>, or 404 naming the node's database id.
/// </summary>
internal static class InventoryEndpoints
{
    private const int Since = 81;

    public static void Map(IEndpointRouteBuilder routes) => routes.MapGet("/v1/nodes/{ident}/inventory", Show);

    private static async Task Show(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.RequireEndpoint(Since);
        var (record, id) = await loop.Run(s =>
        {
            var uuid = NodeIdent.Find(s, ident, version).Uuid;
            return (s.Conductor.GetNodeInventory(uuid), NodeIdent.DatabaseId(s, uuid));
        }).ConfigureAwait(false);
        if (record is null)
        {
            throw new ApiFault(StatusCodes.Status404NotFound, $"Node inventory record for node {id} could not be found.");
        }

        await Respond.Json(context, new JsonObject
        {
            ["inventory"] = JsonNode.Parse(record.Inventory.GetRawText()),
            ["plugin_data"] = record.PluginData is { } data ? JsonNode.Parse(data.GetRawText()) : null,
        }).ConfigureAwait(false);
    }
}
