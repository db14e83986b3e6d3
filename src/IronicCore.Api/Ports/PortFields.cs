using System.Text.Json.Nodes;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using IronicCore.Nodes;

namespace IronicCore.Api.Ports;

/// <summary>Ironic's port object, field by field, with the microversion each appeared in.</summary>
internal static class PortFields
{
    public static readonly IReadOnlyList<(string Name, int Since, Func<PortView, string, JsonNode?> Render)> All =
    [
        ("uuid", 1, (p, _) => p.Uuid),
        ("address", 1, (p, _) => p.Address),
        ("node_uuid", 1, (p, _) => p.NodeUuid),
        ("extra", 1, (p, _) => JsonElements.ToObject(p.Extra)),
        ("created_at", 1, (p, _) => Timestamps.Format(p.CreatedAt)),
        ("updated_at", 1, (p, _) => Timestamps.Format(p.UpdatedAt)),
        ("links", 1, (p, url) => Links.Pair(url, $"ports/{p.Uuid}")),
        ("internal_info", 18, (p, _) => JsonElements.ToObject(p.InternalInfo)),
        ("pxe_enabled", 19, (p, _) => p.PxeEnabled),
        ("local_link_connection", 19, (p, _) => JsonElements.ToObject(p.LocalLinkConnection)),
        ("portgroup_uuid", 24, (p, _) => p.PortgroupUuid),
        ("physical_network", 34, (p, _) => p.PhysicalNetwork),
        ("is_smartnic", 53, (p, _) => p.IsSmartnic),
        ("name", 88, (p, _) => p.Name),
        ("description", 97, (p, _) => p.Description),
        ("vendor", 100, (p, _) => p.Vendor),
        ("category", 101, (p, _) => p.Category),
        ("available_for_dynamic_portgroup", 111, (p, _) => p.AvailableForDynamicPortgroup),
    ];

    /// <summary>The fields a port list shows without <c>detail</c> or <c>fields</c>.</summary>
    public static readonly string[] ListDefault = ["uuid", "address"];

    /// <summary>The fields a release's port has (those up to its highest version).</summary>
    public static IEnumerable<string> Known(ApiVersion maximum) => All.Where(f => maximum.Allows(f.Since)).Select(f => f.Name);

    /// <summary>Every field at any version: the document a PATCH applies to.</summary>
    public static JsonObject Document(PortView port, string baseUrl) => Render(port, new ApiVersion(1, int.MaxValue), baseUrl);

    public static JsonObject Render(PortView port, ApiVersion version, string baseUrl, IReadOnlyCollection<string>? fields = null)
    {
        var json = new JsonObject();
        foreach (var (name, since, render) in All)
        {
            if (version.Allows(since) && (fields is null || fields.Contains(name) || name == "links"))
            {
                json[name] = render(port, baseUrl);
            }
        }

        // Below 1.90 a link holding master's VTEP keys is shown empty: older clients cannot read it.
        if (!version.Allows(90) && json["local_link_connection"] is JsonObject link && LocalLinkConnection.VtepKeys.Any(link.ContainsKey))
        {
            json["local_link_connection"] = new JsonObject();
        }

        return json;
    }
}
