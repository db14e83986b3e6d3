using System.Text.Json.Nodes;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Volumes;

namespace IronicCore.Api.Volumes;

/// <summary>
/// Volume connectors and targets as Ironic's API shows them (<c>convert_with_links</c>): the
/// object's fields, links, then <c>node_uuid</c>; a target's <c>properties</c> with secrets masked.
/// </summary>
internal static class VolumeFields
{
    public static JsonObject Render(VolumeConnectorView connector, string baseUrl) => new()
    {
        ["uuid"] = connector.Uuid,
        ["created_at"] = Timestamps.Format(connector.CreatedAt),
        ["updated_at"] = Timestamps.Format(connector.UpdatedAt),
        ["connector_id"] = connector.ConnectorId,
        ["extra"] = JsonElements.ToNode(connector.Extra),
        ["type"] = connector.Type,
        ["links"] = Links.Pair(baseUrl, $"volume/connectors/{connector.Uuid}"),
        ["node_uuid"] = connector.NodeUuid,
    };

    public static JsonObject Render(VolumeTargetView target, string baseUrl) => new()
    {
        ["uuid"] = target.Uuid,
        ["created_at"] = Timestamps.Format(target.CreatedAt),
        ["updated_at"] = Timestamps.Format(target.UpdatedAt),
        ["boot_index"] = target.BootIndex,
        ["extra"] = JsonElements.ToNode(target.Extra),
        ["properties"] = Secrets.Mask(JsonElements.ToObject(target.Properties)),
        ["volume_id"] = target.VolumeId,
        ["volume_type"] = target.VolumeType,
        ["links"] = Links.Pair(baseUrl, $"volume/targets/{target.Uuid}"),
        ["node_uuid"] = target.NodeUuid,
    };

    /// <summary>What a patch applies to: the item as Ironic's object holds it, <c>node_uuid</c> in place of the node's id.</summary>
    public static JsonObject Document(VolumeConnectorView connector) => new()
    {
        ["uuid"] = connector.Uuid,
        ["connector_id"] = connector.ConnectorId,
        ["extra"] = JsonElements.ToNode(connector.Extra),
        ["type"] = connector.Type,
        ["node_uuid"] = connector.NodeUuid,
    };

    /// <summary>What a patch applies to: the item as Ironic's object holds it, <c>node_uuid</c> in place of the node's id.</summary>
    public static JsonObject Document(VolumeTargetView target) => new()
    {
        ["uuid"] = target.Uuid,
        ["boot_index"] = target.BootIndex,
        ["extra"] = JsonElements.ToNode(target.Extra),
        ["properties"] = JsonElements.ToNode(target.Properties),
        ["volume_id"] = target.VolumeId,
        ["volume_type"] = target.VolumeType,
        ["node_uuid"] = target.NodeUuid,
    };
}
