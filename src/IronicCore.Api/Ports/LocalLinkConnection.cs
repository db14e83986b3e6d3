using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IronicCore.Api.Errors;
using IronicCore.Api.Patch;

namespace IronicCore.Api.Ports;

/// <summary>
/// Ironic's <c>LOCAL_LINK_VALIDATOR</c>: a port's <c>local_link_connection</c> is a switch port
/// (<c>port_id</c> and <c>switch_id</c>), a smart NIC's (<c>port_id</c> and <c>hostname</c>), an
/// unmanaged link (<c>network_type</c> <c>unmanaged</c>), master's OVN VTEP link (<c>port_id</c> and
/// both <c>vtep-*</c> keys) or empty; <c>switch_id</c> is a MAC or an OpenFlow datapath id, normalized.
/// </summary>
internal static partial class LocalLinkConnection
{
    public const string VtepLogicalSwitch = "vtep-logical-switch";
    public const string VtepPhysicalSwitch = "vtep-physical-switch";

    private const string Name = "local_link_connection";

    /// <summary>The keys master added in 1.90 (and still accepts after 1.105 dropped their use).</summary>
    public static readonly string[] VtepKeys = [VtepLogicalSwitch, VtepPhysicalSwitch];

    private static readonly string[] BaseKeys = ["port_id", "switch_id", "hostname", "switch_info", "network_type"];

    /// <summary>Checks <paramref name="value"/> (an object or null) and returns it normalized.</summary>
    /// <param name="value">The value as sent.</param>
    /// <param name="vtep">Whether the release's schema knows the VTEP keys (master does, 21.4 does not).</param>
    public static JsonObject Validate(JsonNode? value, bool vtep)
    {
        if (value is not JsonObject link)
        {
            return [];
        }

        var keys = vtep ? [.. BaseKeys, .. VtepKeys] : BaseKeys;
        string?[][] alternatives =
        [
            Errors(link, keys, "managed-or-unmanaged", ["port_id", "switch_id"]),
            Errors(link, keys, "managed-or-unmanaged", ["port_id", "hostname"]),
            Errors(link, keys, "unmanaged", ["network_type"]),
            .. vtep ? new[] { Errors(link, keys, "managed-or-unmanaged", ["port_id", VtepLogicalSwitch, VtepPhysicalSwitch]) } : [],
            link.Count == 0 ? [] : [$"Additional properties are not allowed ({Unexpected(link.Select(p => p.Key))})"],
        ];
        if (alternatives.All(errors => errors.Length > 0))
        {
            // jsonschema's best match: an error about the whole object before one about a member, then the first.
            var cause = alternatives.SelectMany(e => e).OfType<string>().FirstOrDefault(e => !e.StartsWith(' '))
                ?? alternatives.SelectMany(e => e).OfType<string>().First().TrimStart();
            throw ApiFault.BadRequest($"Schema error for {Name}: {PythonRepr.Of(link)} is not valid under any of the given schemas. Possible root cause: {cause}");
        }

        var normalized = (JsonObject)link.DeepClone();
        if (normalized["switch_id"] is JsonValue switchId && switchId.TryGetValue<string>(out var id))
        {
            normalized["switch_id"] = PortWrites.IsMac(id) || DatapathId().IsMatch(id)
                ? id.ToLowerInvariant()
                : throw ApiFault.BadRequest($"Expected a MAC address or OpenFlow datapath ID but received {id}.");
        }

        return normalized;
    }

    /// <summary>Ironic's smart NIC rule: <c>port_id</c> and <c>hostname</c> both present.</summary>
    public static bool FitsSmartNic(JsonObject link) => link["port_id"] is not null && link["hostname"] is not null;

    /// <summary>
    /// One alternative's errors in jsonschema's order (member types, unknown keys, dependencies,
    /// required keys); errors about a member start with a space so the whole-object ones sort first.
    /// </summary>
    private static string?[] Errors(JsonObject link, string[] keys, string networkTypes, string[] required)
    {
        var errors = new List<string?>();
        foreach (var key in keys)
        {
            var member = link[key];
            if (!link.ContainsKey(key))
            {
                continue;
            }

            if (SchemaField.TypeOf(member) != "string")
            {
                errors.Add($" {PythonRepr.Of(member)} is not of type 'string'");
            }
            else if (key == "network_type")
            {
                string[] allowed = networkTypes == "unmanaged" ? ["unmanaged"] : ["managed", "unmanaged"];
                if (!allowed.Contains(member!.GetValue<string>()))
                {
                    errors.Add($" {PythonRepr.Of(member)} is not one of [{string.Join(", ", allowed.Select(a => $"'{a}'"))}]");
                }
            }
        }

        var extra = link.Select(p => p.Key).Where(k => !keys.Contains(k)).ToList();
        if (extra.Count > 0)
        {
            errors.Add($"Additional properties are not allowed ({Unexpected(extra)})");
        }

        if (keys.Length > BaseKeys.Length)
        {
            for (var i = 0; i < VtepKeys.Length; i++)
            {
                if (link.ContainsKey(VtepKeys[i]) && !link.ContainsKey(VtepKeys[1 - i]))
                {
                    errors.Add($"'{VtepKeys[1 - i]}' is a dependency of '{VtepKeys[i]}'");
                }
            }
        }

        errors.AddRange(required.Where(r => !link.ContainsKey(r)).Select(r => $"'{r}' is a required property"));
        return [.. errors];
    }

    private static string Unexpected(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        return $"{string.Join(", ", list.Select(k => $"'{k}'"))} {(list.Count == 1 ? "was" : "were")} unexpected";
    }

    [GeneratedRegex("^[0-9a-fA-F]{16}$")]
    private static partial Regex DatapathId();
}
