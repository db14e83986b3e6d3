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
/// Volume targets (1.32): Ironic's <c>VolumeTargetsController</c>. Creating one checks the schema
/// and the node; updating and deleting one go through the conductor (its node's lock, the node
/// powered off) as Ironic's <c>update_volume_target</c> and <c>destroy_volume_target</c>.
/// </summary>
internal static class VolumeTargetEndpoints
{
    private static readonly string[] Patchable = ["boot_index", "extra", "node_uuid", "properties", "volume_id", "volume_type"];

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
    };

    public static void Map(IEndpointRouteBuilder routes)
    {
        VolumeEndpoints.MapShared(routes, Resource);
        routes.MapPost("/v1/volume/targets", (HttpContext context, ConductorLoop loop) => Create(context, loop, nested: false));
        routes.MapPost("/v1/nodes/{node}/volume/targets", (HttpContext context, ConductorLoop loop) => Create(context, loop, nested: true));
        routes.MapMethods("/v1/volume/targets/{uuid}", ["PATCH"], (HttpContext context, ConductorLoop loop, string uuid) => Update(context, loop, uuid, nested: false));
        routes.MapMethods("/v1/nodes/{node}/volume/targets/{uuid}", ["PATCH"], (HttpContext context, ConductorLoop loop, string uuid) => Update(context, loop, uuid, nested: true));
    }

    private static async Task Create(HttpContext context, ConductorLoop loop, bool nested)
    {
        context.RequireEndpoint(VolumeEndpoints.Since);
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "target").ConfigureAwait(false);
        VolumeSchema.CheckTarget(body, "target");
        var baseUrl = Links.BaseUrl(context);
        var (uuid, answer) = await loop.Run(s =>
        {
            VolumeEndpoints.EnsureNode(s, body["node_uuid"]!.GetValue<string>());

            if (nested)
            {
                throw VolumeEndpoints.NotUnderNode(s.Conductor.Release);
            }

            var target = s.Conductor.CreateVolumeTarget(Fields(body), RequestBody.String(body, "uuid"));
            return (target.Uuid, VolumeFields.Render(target, baseUrl));
        }).ConfigureAwait(false);
        context.Response.Headers.Location = $"{baseUrl}/v1/volume/targets/{uuid}";
        await Respond.Json(context, answer, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task Update(HttpContext context, ConductorLoop loop, string uuid, bool nested)
    {
        var version = context.RequireEndpoint(VolumeEndpoints.Since);
        _ = new QueryArgs(context);
        VolumeEndpoints.EnsureUuid("target_uuid", uuid);
        var operations = JsonPatch.Parse(await RequestBody.ReadAsync(context).ConfigureAwait(false));
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var target = s.Conductor.GetVolumeTarget(uuid);
            if (nested)
            {
                throw VolumeEndpoints.NotUnderNode(s.Conductor.Release);
            }

            var after = VolumePatch.Apply(s, version, VolumeFields.Document(target), target.NodeUuid, operations, Patchable);
            VolumeSchema.CheckTarget(after, "patch");
            var updated = s.Conductor.UpdateVolumeTarget(target.Uuid, Fields(after));
            return VolumeFields.Render(updated, baseUrl);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

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
