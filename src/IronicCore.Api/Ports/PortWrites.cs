using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.Nodes;

namespace IronicCore.Api.Ports;

/// <summary>
/// Ironic's port schema and validators (<c>PORT_SCHEMA</c>, <c>PORT_VALIDATOR_EXTRA</c>) with the
/// version each field appeared in; a release's schema holds the fields up to its maximum version.
/// </summary>
internal static partial class PortWrites
{
    public const string NodeIdent = "node_ident";

    /// <summary>Master's schema, in its order (the order of its errors and of its patchable list).</summary>
    private static readonly ObjectSchema Schema = new(
        [
            new("address", 1, ["string"]),
            new("extra", 1, ["object", "null"]),
            new("is_smartnic", 53, ["string", "boolean", "null"]),
            new("local_link_connection", 19, ["null", "object"]),
            new(NodeIdent, 94, ["string"]),
            new("node_uuid", 1, ["string"]),
            new("physical_network", 34, ["string", "null"], 64),
            new("portgroup_uuid", 24, ["string", "null"]),
            new("pxe_enabled", 19, ["string", "boolean", "null"]),
            new("uuid", 1, ["string", "null"]),
            new("name", 88, ["string", "null"]),
            new("description", 97, ["string", "null"], 255),
            new("vendor", 100, ["string", "null"], 32),
            new("category", 101, ["string", "null"], 80),
            new("available_for_dynamic_portgroup", 111, ["boolean"]),
        ],
        [("address", _ => true), ("node_uuid", maximum => !maximum.Allows(94))],
        OneNode);

    /// <summary>The version a field appeared in (for the 406 of a request below it).</summary>
    private static readonly Dictionary<string, int> Gates = new(StringComparer.Ordinal)
    {
        ["pxe_enabled"] = 19, ["local_link_connection"] = 19, ["portgroup_uuid"] = 24, ["physical_network"] = 34, ["is_smartnic"] = 53,
        ["name"] = 88, ["description"] = 97, ["vendor"] = 100, ["category"] = 101, ["available_for_dynamic_portgroup"] = 111,
    };

    /// <summary>The fields a PATCH may touch, in Ironic's order (<c>PATCH_ALLOWED_FIELDS</c>).</summary>
    public static IEnumerable<string> Patchable(ApiVersion maximum) => Schema.Known(maximum).Select(f => f.Name).Where(n => n != "uuid");

    /// <summary>
    /// Ironic's port validator over a create body (<paramref name="schema"/> <c>port</c>) or a patched
    /// port (<c>patch</c>, pruned to the schema first): required fields, unknown fields, types,
    /// then each value's own check. Returns the values normalized (MACs lower case, booleans parsed).
    /// </summary>
    public static JsonObject Validate(string schema, JsonObject document, ApiVersion maximum)
    {
        Schema.Check(schema, document, maximum);
        var master = maximum.Allows(94);
        var result = (JsonObject)document.DeepClone();
        ObjectSchema.Normalize(result, "address", v => Mac("address", v));
        ObjectSchema.Normalize(result, "node_uuid", v => Uuid("node_uuid", v));
        ObjectSchema.Normalize(result, "is_smartnic", v => IronicBool.Parse("is_smartnic", v));
        ObjectSchema.Normalize(result, "local_link_connection", v => LocalLinkConnection.Validate(v, vtep: master));
        ObjectSchema.Normalize(result, "portgroup_uuid", v => Uuid("portgroup_uuid", v));
        ObjectSchema.Normalize(result, "pxe_enabled", v => IronicBool.Parse("pxe_enabled", v));
        ObjectSchema.Normalize(result, "uuid", v => Uuid("uuid", v));
        ObjectSchema.Normalize(result, "available_for_dynamic_portgroup", v => IronicBool.Parse("available_for_dynamic_portgroup", v));
        return result;
    }

    /// <summary>Master's <c>_check_allowed_port_fields</c>: a field (or link key) newer than the request is 406.</summary>
    /// <param name="fields">The fields asked for, sent or patched.</param>
    /// <param name="link">The <c>local_link_connection</c> sent on create, whose keys are checked too.</param>
    /// <param name="version">The request's version.</param>
    public static void CheckVersion(IEnumerable<string> fields, JsonObject? link, ApiVersion version)
    {
        foreach (var field in fields)
        {
            var since = field == "local_link_connection/network_type" ? 64 : Gates.GetValueOrDefault(field, 1);
            if (!version.Allows(since))
            {
                throw ApiFault.NotAcceptable();
            }
        }

        if (link is not null && ((!version.Allows(64) && link.ContainsKey("network_type"))
            || (!VtepAllowed(version) && link.ContainsKey(LocalLinkConnection.VtepLogicalSwitch))))
        {
            throw ApiFault.NotAcceptable();
        }
    }

    /// <summary>Master's <c>allow_ovn_vtep_version</c>: VTEP links were settable from 1.90 until 1.105 removed them.</summary>
    public static bool VtepAllowed(ApiVersion version) => version.Allows(90) && !version.Allows(105);

    public static string Mac(string name, JsonNode? value)
    {
        var text = value?.GetValue<string>() ?? string.Empty;
        return IsMac(text) ? text.ToLowerInvariant() : throw ApiFault.BadRequest($"Expected valid MAC address for {name}: {text}");
    }

    public static bool IsMac(string text) => MacPattern().IsMatch(text);

    /// <summary>Ironic's <c>args.uuid</c>: null passes, anything else must look like a UUID.</summary>
    public static string? Uuid(string name, JsonNode? value) => value?.GetValue<string>() switch
    {
        null => null,
        var text when Guid.TryParse(text, out _) => text,
        var text => throw ApiFault.BadRequest($"Expected UUID for {name}: {text}"),
    };

    /// <summary>The request with one validated value set; a null value is the field's default, <c>node_uuid</c> and unknown fields leave it as it is.</summary>
    public static PortRequest ToRequest(PortRequest request, string field, JsonNode? value) => field switch
    {
        "address" => request with { Address = value!.GetValue<string>() },
        "extra" => request with { Extra = JsonElements.FromNode(value) },
        "pxe_enabled" => request with { PxeEnabled = value?.GetValue<bool>() },
        "local_link_connection" => request with { LocalLinkConnection = JsonElements.FromNode(value) },
        "physical_network" => request with { PhysicalNetwork = value?.GetValue<string>() },
        "is_smartnic" => request with { IsSmartnic = value?.GetValue<bool>() ?? false },
        "portgroup_uuid" => request with { PortgroupUuid = value?.GetValue<string>() },
        "name" => request with { Name = value?.GetValue<string>() },
        "description" => request with { Description = value?.GetValue<string>() },
        "vendor" => request with { Vendor = value?.GetValue<string>() },
        "category" => request with { Category = value?.GetValue<string>() },
        "available_for_dynamic_portgroup" => request with { AvailableForDynamicPortgroup = value?.GetValue<bool>() ?? true },
        _ => request,
    };

    /// <summary>The patched port without what the schema does not name.</summary>
    public static JsonObject Prune(JsonObject document, ApiVersion maximum) => Schema.Prune(document, maximum);

    /// <summary>Master's <c>oneOf</c>: the node is named by exactly one of <c>node_ident</c> and <c>node_uuid</c>.</summary>
    private static void OneNode(string schema, JsonObject document, ApiVersion maximum)
    {
        if (maximum.Allows(94) && document.ContainsKey(NodeIdent) == document.ContainsKey("node_uuid"))
        {
            throw ApiFault.BadRequest(document.ContainsKey(NodeIdent)
                ? $"Schema error for {schema}: {PythonRepr.Of(document)} is valid under each of {{'required': ['{NodeIdent}']}}, {{'required': ['node_uuid']}}"
                : $"Schema error for {schema}: {PythonRepr.Of(document)} is not valid under any of the given schemas. Possible root cause: '{NodeIdent}' is a required property");
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$")]
    private static partial Regex MacPattern();
}
