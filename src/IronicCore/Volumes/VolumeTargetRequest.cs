using System.Text.Json;

namespace IronicCore.Volumes;

/// <summary>
/// The fields of a volume target that <c>POST /v1/volume/targets</c> stores and
/// <c>PATCH /v1/volume/targets/{uuid}</c> replaces. For an update start from
/// <see cref="From(VolumeTargetView)"/> and change fields with <c>with</c>.
/// </summary>
public sealed record VolumeTargetRequest
{
    /// <summary><c>node_uuid</c>: an existing node's UUID.</summary>
    public required string NodeUuid { get; init; }

    /// <summary><c>volume_type</c>.</summary>
    public required string VolumeType { get; init; }

    /// <summary><c>volume_id</c>.</summary>
    public required string VolumeId { get; init; }

    /// <summary><c>boot_index</c>: unique among the node's targets.</summary>
    public required int BootIndex { get; init; }

    /// <summary><c>properties</c>: a JSON object; null for <c>{}</c>.</summary>
    public JsonElement? Properties { get; init; }

    /// <summary><c>extra</c>: a JSON object; null for <c>{}</c>.</summary>
    public JsonElement? Extra { get; init; }

    /// <summary>The target's current values: an update that changes nothing.</summary>
    /// <param name="target">The target as read.</param>
    public static VolumeTargetRequest From(VolumeTargetView target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new VolumeTargetRequest
        {
            NodeUuid = target.NodeUuid,
            VolumeType = target.VolumeType,
            VolumeId = target.VolumeId,
            BootIndex = target.BootIndex,
            Properties = target.Properties,
            Extra = target.Extra,
        };
    }
}
