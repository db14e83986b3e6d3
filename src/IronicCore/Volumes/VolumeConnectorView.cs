using System.Text.Json;

namespace IronicCore.Volumes;

/// <summary>
/// A volume connector (Ironic's API 1.32) as Ironic's API shows it, frozen at the moment it was
/// read: how the node connects to a storage network (an iSCSI initiator name, an IP, a MAC, a
/// Fibre Channel WWNN or WWPN). Immutable and thread-safe.
/// </summary>
public sealed class VolumeConnectorView
{
    internal VolumeConnectorView(VolumeConnector connector)
    {
        Uuid = connector.Uuid;
        NodeUuid = connector.NodeUuid;
        Type = connector.Type;
        ConnectorId = connector.ConnectorId;
        Extra = connector.Extra;
        CreatedAt = connector.CreatedAt;
        UpdatedAt = connector.UpdatedAt;
    }

    /// <summary><c>uuid</c>.</summary>
    public string Uuid { get; }

    /// <summary><c>node_uuid</c>: the node it belongs to.</summary>
    public string NodeUuid { get; }

    /// <summary><c>type</c>, e.g. <c>iqn</c>, <c>ip</c>, <c>mac</c>, <c>wwnn</c> or <c>wwpn</c>.</summary>
    public string Type { get; }

    /// <summary><c>connector_id</c>: unique with <see cref="Type"/> among all connectors.</summary>
    public string ConnectorId { get; }

    /// <summary><c>extra</c>: a JSON object of the operator's own.</summary>
    public JsonElement Extra { get; }

    /// <summary><c>created_at</c>.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>updated_at</c>: the last update of its fields, or null.</summary>
    public DateTimeOffset? UpdatedAt { get; }
}
