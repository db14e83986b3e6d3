using System.Text.Json;

namespace IronicCore.Volumes;

/// <summary>
/// A volume target (Ironic's API 1.32) as Ironic's API shows it, frozen at the moment it was read:
/// a volume of a storage service the node may boot from or attach. Immutable and thread-safe.
/// </summary>
public sealed class VolumeTargetView
{
    internal VolumeTargetView(VolumeTarget target)
    {
        Uuid = target.Uuid;
        NodeUuid = target.NodeUuid;
        VolumeType = target.VolumeType;
        VolumeId = target.VolumeId;
        BootIndex = target.BootIndex;
        Properties = target.Properties;
        Extra = target.Extra;
        CreatedAt = target.CreatedAt;
        UpdatedAt = target.UpdatedAt;
    }

    /// <summary><c>uuid</c>.</summary>
    public string Uuid { get; }

    /// <summary><c>node_uuid</c>: the node it belongs to.</summary>
    public string NodeUuid { get; }

    /// <summary><c>volume_type</c>, e.g. <c>iscsi</c> or <c>fibre_channel</c>.</summary>
    public string VolumeType { get; }

    /// <summary><c>volume_id</c>: the storage service's ID of the volume.</summary>
    public string VolumeId { get; }

    /// <summary><c>boot_index</c>: unique among the node's targets; 0 is the boot volume.</summary>
    public int BootIndex { get; }

    /// <summary><c>properties</c>: a JSON object the storage interface reads.</summary>
    public JsonElement Properties { get; }

    /// <summary><c>extra</c>: a JSON object of the operator's own.</summary>
    public JsonElement Extra { get; }

    /// <summary><c>created_at</c>.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>updated_at</c>: the last update of its fields, or null.</summary>
    public DateTimeOffset? UpdatedAt { get; }
}
