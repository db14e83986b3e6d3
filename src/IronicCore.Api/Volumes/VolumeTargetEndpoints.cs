using System.Text.Json.Nodes;
using IronicCore.Api.Http;
using IronicCore.Errors;
using IronicCore.Volumes;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Volumes;

/// <summary>
/// Volume targets (1.32): Ironic's <c>VolumeTargetsController</c>. Creating one checks the schema
/// and the node; updating and deleting one go through the conductor (its node's lock, the node
/// powered off) as Ironic's <c>update_volume_target</c> and <c>destroy_volume_target</c>.
/// </summary>
internal static class VolumeTargetEndpoints
{
    private static readonly VolumeResource<VolumeTargetView> Resource = new()
    {
        Name = "targets",
        IdentName = "target_uuid",
        ListDefault = ["uuid", "node_uuid", "volume_type", "boot_index", "volume_id"],
        UnsortableKeys = ["extra", "properties"],
        SortKeys = new Dictionary<string, Func<VolumeTargetView, IComparable?>>
        {
            ["uuid"] = t => t.Uuid,
            ["node_id"] = t => t.NodeUuid,
            ["volume_type"] = t => t.VolumeType,
            ["boot_index"] = t => t.BootIndex,
            ["volume_id"] = t => t.VolumeId,
            ["created_at"] = t => t.CreatedAt,
            ["updated_at"] = t => t.UpdatedAt,
        },
        All = s => s.Conductor.VolumeTargets,
        Get = (s, uuid) => s.Conductor.GetVolumeTarget(uuid),
        Delete = (s, uuid) => s.Conductor.DeleteVolumeTarget(uuid),
        UuidOf = t => t.Uuid,
        NodeOf = t => t.NodeUuid,
        NotFound = uuid => new VolumeTargetNotFoundException(uuid),
        Render = VolumeFields.Render,
        BodyName = "target",
        Patchable = ["boot_index", "extra", "node_uuid", "properties", "volume_id", "volume_type"],
        Check = VolumeSchema.CheckTarget,
        Document = VolumeFields.Document,
        Create = (s, body) => s.Conductor.CreateVolumeTarget(Fields(body), RequestBody.String(body, "uuid")),
        Update = (s, uuid, document) => s.Conductor.UpdateVolumeTarget(uuid, Fields(document)),
    };

    public static void Map(IEndpointRouteBuilder routes) => VolumeEndpoints.MapShared(routes, Resource);

    private static VolumeTargetRequest Fields(JsonObject body) => new()
    {
        NodeUuid = body["node_uuid"]!.GetValue<string>(),
        VolumeType = body["volume_type"]!.GetValue<string>(),
        VolumeId = body["volume_id"]!.GetValue<string>(),
        BootIndex = VolumeSchema.BootIndex(body),
        Properties = body["properties"] is JsonObject properties ? JsonElements.ToElement(properties) : null,
        Extra = body["extra"] is JsonObject extra ? JsonElements.ToElement(extra) : null,
    };
}
