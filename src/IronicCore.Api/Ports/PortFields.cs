using System.Text.Json.Nodes;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;

namespace IronicCore.Api.Ports;

/// <summary>Ironic's port object, field by field, with the microversion each appeared in.</summary>
internal static class PortFields
{
    public static readonly IReadOnlyList<(string Name, int Since, Func<Port, string, JsonNode?> Render)> All =
    [
        ("uuid", 1, (p, _) => p.Uuid),
        ("address", 1, (p, _) => p.Address),
        ("node_uuid", 1, (p, _) => p.NodeUuid),
        ("extra", 1, (p, _) => p.Extra.DeepClone()),
        ("created_at", 1, (p, _) => Timestamps.Format(p.CreatedAt)),
        ("updated_at", 1, (p, _) => Timestamps.Format(p.UpdatedAt)),
        ("links", 1, (p, url) => Links.Pair(url, $"ports/{p.Uuid}")),
        ("internal_info", 18, (p, _) => p.InternalInfo.DeepClone()),
        ("pxe_enabled", 19, (p, _) => p.PxeEnabled),
        ("local_link_connection", 19, (p, _) => p.LocalLinkConnection.DeepClone()),
        ("portgroup_uuid", 24, (p, _) => p.PortgroupUuid),
        ("physical_network", 34, (p, _) => p.PhysicalNetwork),
        ("is_smartnic", 53, (p, _) => p.IsSmartnic),
        ("name", 88, (p, _) => p.Name),
    ];

    /// <summary>The fields a port list shows without <c>detail</c> or <c>fields</c>.</summary>
    public static readonly string[] ListDefault = ["uuid", "address"];

    public static JsonObject Render(Port port, ApiVersion version, string baseUrl, IReadOnlyCollection<string>? fields = null)
    {
        var json = new JsonObject();
        foreach (var (name, since, render) in All)
        {
            if (version.Allows(since) && (fields is null || fields.Contains(name) || name == "links"))
            {
                json[name] = render(port, baseUrl);
            }
        }

        return json;
    }
}
