using System.Text.Json;

namespace IronicCore.Volumes;

/// <summary>A volume connector as Ironic's <c>volume_connectors</c> table holds it: mutable, owned by the conductor's volume table.</summary>
internal sealed class VolumeConnector(string uuid, DateTimeOffset createdAt)
{
    public string Uuid { get; } = uuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    public string NodeUuid { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public string ConnectorId { get; set; } = string.Empty;

    public JsonElement Extra { get; set; } = Nodes.JsonObjects.Empty;

    public VolumeConnectorView ToView() => new(this);
}
