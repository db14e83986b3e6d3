using System.Text.Json;

namespace IronicCore.Volumes;

/// <summary>
/// The fields of a volume connector that <c>POST /v1/volume/connectors</c> stores and
/// <c>PATCH /v1/volume/connectors/{uuid}</c> replaces. For an update start from
/// <see cref="From(VolumeConnectorView)"/> and change fields with <c>with</c>.
/// </summary>
public sealed record VolumeConnectorRequest
{
    /// <summary><c>node_uuid</c>: an existing node's UUID.</summary>
    public required string NodeUuid { get; init; }

    /// <summary><c>type</c>.</summary>
    public required string Type { get; init; }

    /// <summary><c>connector_id</c>.</summary>
    public required string ConnectorId { get; init; }

    /// <summary><c>extra</c>: a JSON object; null for <c>{}</c>.</summary>
    public JsonElement? Extra { get; init; }

    /// <summary>The connector's current values: an update that changes nothing.</summary>
    /// <param name="connector">The connector as read.</param>
    public static VolumeConnectorRequest From(VolumeConnectorView connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return new VolumeConnectorRequest { NodeUuid = connector.NodeUuid, Type = connector.Type, ConnectorId = connector.ConnectorId, Extra = connector.Extra };
    }
}
