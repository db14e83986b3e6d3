using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using IronicCore.Volumes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Volumes;

/// <summary>
/// Volume connectors (1.32): Ironic's <c>VolumeConnectorsController</c>. Creating one checks the
/// schema and the node; updating and deleting one go through the conductor (its node's lock, the
/// node powered off) as Ironic's <c>update_volume_connector</c> and <c>destroy_volume_connector</c>.
/// </summary>
internal static class VolumeConnectorEndpoints
{
    private static readonly string[] Patchable = ["connector_id", "extra", "node_uuid", "type"];

    private static readonly VolumeResource<VolumeConnectorView> Resource = new()
    {
        Name = "connectors",
        IdentName = "connector_uuid",
        ListDefault = ["uuid", "node_uuid", "type", "connector_id"],
        UnsortableKeys = ["extra"],
        SortKeys = new Dictionary<string, Func<VolumeConnectorView, IComparable?>>
        {
            ["uuid"] = c => c.Uuid,
            ["node_id"] = c => c.NodeUuid,
            ["type"] = c => c.Type,
            ["connector_id"] = c => c.ConnectorId,
            ["created_at"] = c => c.CreatedAt,
            ["updated_at"] = c => c.UpdatedAt,
        },
        All = s => s.Conductor.VolumeConnectors,
        Get = (s, uuid) => s.Conductor.GetVolumeConnector(uuid),
        Delete = (s, uuid) => s.Conductor.DeleteVolumeConnector(uuid),
        UuidOf = c => c.Uuid,
        NodeOf = c => c.NodeUuid,
        NotFound = uuid => new VolumeConnectorNotFoundException(uuid),
        Render = VolumeFields.Render,
    };

    public static void Map(IEndpointRouteBuilder routes)
    {
        VolumeEndpoints.MapShared(routes, Resource);
        routes.MapPost("/v1/volume/connectors", (HttpContext context, ConductorLoop loop) => Create(context, loop, nested: false));
        routes.MapPost("/v1/nodes/{node}/volume/connectors", (HttpContext context, ConductorLoop loop) => Create(context, loop, nested: true));
        routes.MapMethods("/v1/volume/connectors/{uuid}", ["PATCH"], (HttpContext context, ConductorLoop loop, string uuid) => Update(context, loop, uuid, nested: false));
        routes.MapMethods("/v1/nodes/{node}/volume/connectors/{uuid}", ["PATCH"], (HttpContext context, ConductorLoop loop, string uuid) => Update(context, loop, uuid, nested: true));
    }

    private static async Task Create(HttpContext context, ConductorLoop loop, bool nested)
    {
        context.RequireEndpoint(VolumeEndpoints.Since);
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "connector").ConfigureAwait(false);
        VolumeSchema.CheckConnector(body, "connector");
        var baseUrl = Links.BaseUrl(context);
        var (uuid, answer) = await loop.Run(s =>
        {
            VolumeEndpoints.EnsureNode(s, body["node_uuid"]!.GetValue<string>());

            if (nested)
            {
                throw VolumeEndpoints.NotUnderNode(s.Conductor.Release);
            }

            var connector = s.Conductor.CreateVolumeConnector(Fields(body), RequestBody.String(body, "uuid"));
            return (connector.Uuid, VolumeFields.Render(connector, baseUrl));
        }).ConfigureAwait(false);
        context.Response.Headers.Location = $"{baseUrl}/v1/volume/connectors/{uuid}";
        await Respond.Json(context, answer, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task Update(HttpContext context, ConductorLoop loop, string uuid, bool nested)
    {
        var version = context.RequireEndpoint(VolumeEndpoints.Since);
        _ = new QueryArgs(context);
        VolumeEndpoints.EnsureUuid("connector_uuid", uuid);
        var operations = JsonPatch.Parse(await RequestBody.ReadAsync(context).ConfigureAwait(false));
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var connector = s.Conductor.GetVolumeConnector(uuid);
            if (nested)
            {
                throw VolumeEndpoints.NotUnderNode(s.Conductor.Release);
            }

            var after = VolumePatch.Apply(s, version, VolumeFields.Document(connector), connector.NodeUuid, operations, Patchable);
            VolumeSchema.CheckConnector(after, "patch");
            var updated = s.Conductor.UpdateVolumeConnector(connector.Uuid, Fields(after));
            return VolumeFields.Render(updated, baseUrl);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static VolumeConnectorRequest Fields(JsonObject body) => new()
    {
        NodeUuid = body["node_uuid"]!.GetValue<string>(),
        Type = body["type"]!.GetValue<string>(),
        ConnectorId = body["connector_id"]!.GetValue<string>(),
        Extra = body["extra"] is JsonObject extra ? JsonElements.ToElement(extra) : null,
    };
}
