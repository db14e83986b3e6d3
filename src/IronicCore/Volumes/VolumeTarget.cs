using System.Text.Json;

namespace IronicCore.Volumes;

/// <summary>A volume target as Ironic's <c>volume_targets</c> table holds it: mutable, owned by the conductor's volume table.</summary>
internal sealed class VolumeTarget(string uuid, DateTimeOffset createdAt)
{
    public string Uuid { get; } = uuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    public string NodeUuid { get; set; } = string.Empty;

    public string VolumeType { get; set; } = string.Empty;

    public string VolumeId { get; set; } = string.Empty;

    public int BootIndex { get; set; }

    public JsonElement Properties { get; set; } = Nodes.JsonObjects.Empty;

    public JsonElement Extra { get; set; } = Nodes.JsonObjects.Empty;

    public VolumeTargetView ToView() => new(this);
}
