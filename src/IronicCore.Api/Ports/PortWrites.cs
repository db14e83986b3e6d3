using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;

namespace IronicCore.Api.Ports;

/// <summary>The writable port fields: their types, the version each needs, and where each is stored.</summary>
internal static partial class PortWrites
{
    private static readonly Dictionary<string, int> Since = new(StringComparer.Ordinal)
    {
        ["address"] = 1, ["extra"] = 1, ["node_uuid"] = 1, ["uuid"] = 1, ["pxe_enabled"] = 19, ["local_link_connection"] = 19,
        ["portgroup_uuid"] = 24, ["physical_network"] = 34, ["is_smartnic"] = 53, ["name"] = 88,
    };

    public static IEnumerable<string> Patchable => Since.Keys.Where(k => k != "uuid").Order(StringComparer.Ordinal);

    /// <summary>Refuses unknown fields (400) and fields newer than the request (406).</summary>
    public static void Check(string field, ApiVersion version)
    {
        if (!Since.TryGetValue(field, out var since))
        {
            throw ApiFault.BadRequest($"Schema error for port: Additional properties are not allowed ('{field}' was unexpected)");
        }

        if (!version.Allows(since))
        {
            throw ApiFault.NotAcceptable();
        }
    }

    public static string Mac(JsonNode? value)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "None";
        return IsMac(text) ? text.ToLowerInvariant() : throw ApiFault.BadRequest($"Expected a MAC address but received {text}.");
    }

    public static bool IsMac(string text) => MacPattern().IsMatch(text);

    public static void Store(Port port, string field, JsonNode? value)
    {
        switch (field)
        {
            case "address": port.Address = Mac(value); break;
            case "extra": port.Extra = Object(field, value); break;
            case "pxe_enabled": port.PxeEnabled = IronicBool.Parse(field, value) ?? true; break;
            case "local_link_connection": port.LocalLinkConnection = Object(field, value); break;
            case "physical_network": port.PhysicalNetwork = Text(field, value); break;
            case "is_smartnic": port.IsSmartnic = IronicBool.Parse(field, value) ?? false; break;
            case "portgroup_uuid": port.PortgroupUuid = Text(field, value); break;
            case "name": port.Name = Text(field, value); break;
            default: throw ApiFault.BadRequest($"Cannot patch /{field}.");
        }
    }

    private static JsonObject Object(string field, JsonNode? value) => value switch
    {
        null => [],
        JsonObject obj => (JsonObject)obj.DeepClone(),
        _ => throw ApiFault.BadRequest($"Schema error for port: {field} {value.ToJsonString(IronicJson.Options)} is not of type 'object'"),
    };

    private static string? Text(string field, JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw ApiFault.BadRequest($"Schema error for port: {field} {value.ToJsonString(IronicJson.Options)} is not of type 'string'"),
    };

    [GeneratedRegex("^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$")]
    private static partial Regex MacPattern();
}
