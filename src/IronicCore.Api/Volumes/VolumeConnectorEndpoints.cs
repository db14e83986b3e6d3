using System.Text.Json.Nodes;
using IronicCore.Api.Http;
using IronicCore.Errors;
using IronicCore.Volumes;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Volumes;

/// <summary>
/// Volume connectors (1.32): Ironic's <c>VolumeConnectorsController</c>. Creating one checks the
/// schema and the node; updating and deleting one go through the conductor (its node's lock, the
/// node powered off) as Ironic's <c>update_volume_connector</c> and <c>destroy_volume_connector</c>.
/// </summary>
internal static class VolumeConnectorEndpoints
{
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
        BodyName = "connector",
        Patchable = ["connector_id", "extra", "node_uuid", "type"],
        Check = VolumeSchema.CheckConnector,
        Document = VolumeFields.Document,
        Create = (s, body) => s.Conductor.CreateVolumeConnector(Fields(body), RequestBody.String(body, "uuid")),
        Update = (s, uuid, document) => s.Conductor.UpdateVolumeConnector(uuid, Fields(document)),
    };

    public static void Map(IEndpointRouteBuilder routes) => VolumeEndpoints.MapShared(routes, Resource);

    private static VolumeConnectorRequest Fields(JsonObject body) => new()
    {
        NodeUuid = body["node_uuid"]!.GetValue<string>(),
        Type = body["type"]!.GetValue<string>(),
        ConnectorId = body["connector_id"]!.GetValue<string>(),
        Extra = body["extra"] is JsonObject extra ? JsonElements.ToElement(extra) : null,
    };
}
