using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Ports;
using IronicCore.Api.Versioning;
using IronicCore.Nodes;

namespace IronicCore.Api.Portgroups;

/// <summary>Ironic's portgroup object, field by field, with the microversion each appeared in.</summary>
internal static class PortgroupFields
{
    public static readonly IReadOnlyList<(string Name, int Since, Func<PortgroupView, string, JsonNode?> Render)> All =
    [
        ("created_at", 23, (p, _) => Timestamps.Format(p.CreatedAt)),
        ("updated_at", 23, (p, _) => Timestamps.Format(p.UpdatedAt)),
        ("uuid", 23, (p, _) => p.Uuid),
        ("address", 23, (p, _) => p.Address),
        ("extra", 23, (p, _) => JsonElements.ToObject(p.Extra)),
        ("internal_info", 23, (p, _) => JsonElements.ToObject(p.InternalInfo)),
        ("mode", 26, (p, _) => p.Mode),
        ("name", 23, (p, _) => p.Name),
        ("properties", 26, (p, _) => JsonElements.ToObject(p.Properties)),
        ("standalone_ports_supported", 23, (p, _) => p.StandalonePortsSupported),
        ("node_uuid", 23, (p, _) => p.NodeUuid),
        ("physical_network", 102, (p, _) => p.PhysicalNetwork),
        ("category", 103, (p, _) => p.Category),
        ("dynamic_portgroup", 111, (p, _) => p.DynamicPortgroup),
        ("links", 23, (p, url) => Links.Pair(url, $"portgroups/{p.Uuid}")),
        ("ports", 23, (p, url) => Links.Pair(url, $"portgroups/{p.Uuid}/ports")),
    ];

    /// <summary>The fields a portgroup list shows without <c>detail</c> or <c>fields</c>.</summary>
    public static readonly string[] ListDefault = ["uuid", "address", "name"];

    /// <summary>The fields a release's portgroup has (those up to its highest version).</summary>
    public static List<string> Known(ApiVersion maximum) => [.. All.Where(f => maximum.Allows(f.Since)).Select(f => f.Name)];

    /// <summary>Every field at any version: the document a PATCH applies to.</summary>
    public static JsonObject Document(PortgroupView portgroup, string baseUrl) => Render(portgroup, new ApiVersion(1, int.MaxValue), baseUrl);

    /// <summary>
    /// Checks <c>fields</c>: an unknown name is 400 (master's query schema first; 21.4's
    /// <c>check_for_invalid_fields</c> after the version check), a newer one 406 (<see cref="CheckVersion"/>).
    /// </summary>
    public static void Check(IReadOnlyCollection<string>? fields, ApiVersion version, ApiVersion maximum)
    {
        if (fields is null)
        {
            return;
        }

        var known = Known(maximum);
        if (maximum.Allows(99) && fields.FirstOrDefault(f => !known.Contains(f)) is { } unknown)
        {
            throw ApiFault.BadRequest($"Schema error: '{unknown}' is not one of [{string.Join(", ", known.Order(StringComparer.Ordinal).Select(k => $"'{k}'"))}]");
        }

        CheckVersion(fields, version);
        Listing.CheckFields(fields, known);
    }

    /// <summary>
    /// Ironic's <c>check_allowed_portgroup_fields</c>: mode and properties below 1.26 and
    /// dynamic_portgroup below 1.111 are 406; physical_network and category are only hidden below theirs.
    /// </summary>
    public static void CheckVersion(IReadOnlyCollection<string> fields, ApiVersion version)
    {
        if ((!version.Allows(26) && (fields.Contains("mode") || fields.Contains("properties")))
            || (!version.Allows(111) && fields.Contains("dynamic_portgroup")))
        {
            throw ApiFault.NotAcceptable();
        }
    }

    public static JsonObject Render(PortgroupView portgroup, ApiVersion version, string baseUrl, IReadOnlyCollection<string>? fields = null)
    {
        var json = new JsonObject();
        foreach (var (name, since, render) in All)
        {
            if (version.Allows(since) && (fields is null || fields.Contains(name) || name == "links"))
            {
                json[name] = render(portgroup, baseUrl);
            }
        }

        return json;
    }
}
