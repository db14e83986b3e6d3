using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Ports;
using IronicCore.Api.Versioning;
using IronicCore.Nodes;

namespace IronicCore.Api.Portgroups;

/// <summary>Ironic's portgroup schema and validators (<c>PORTGROUP_SCHEMA</c>, <c>PORTGROUP_VALIDATOR_EXTRA</c>).</summary>
internal static class PortgroupWrites
{
    /// <summary>The schema; physical_network and category are in master's at every version (only hidden in answers below theirs).</summary>
    private static readonly ObjectSchema Schema = new(
        [
            new("address", 23, ["string", "null"]),
            new("category", 103, ["string", "null"], 80),
            new("extra", 23, ["object", "null"]),
            new("mode", 23, ["string", "null"]),
            new("name", 23, ["string", "null"]),
            new("node_uuid", 23, ["string"]),
            new("physical_network", 102, ["string", "null"], 64),
            new("properties", 23, ["object", "null"]),
            new("standalone_ports_supported", 23, ["string", "boolean", "null"]),
            new("uuid", 23, ["string", "null"]),
        ],
        [("node_uuid", _ => true)]);

    private static readonly string[] PatchableInOrder =
        ["address", "extra", "mode", "name", "node_uuid", "properties", "standalone_ports_supported", "physical_network", "category"];

    /// <summary>The fields a PATCH may touch, in Ironic's order (<c>PATCH_ALLOWED_FIELDS</c>).</summary>
    public static IEnumerable<string> Patchable(ApiVersion maximum)
    {
        var known = Schema.Known(maximum).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return PatchableInOrder.Where(known.Contains);
    }

    /// <summary>Validates a create body (<c>portgroup</c>) or a patched portgroup (<c>patch</c>) and returns its values normalized.</summary>
    public static JsonObject Validate(string schema, JsonObject document, ApiVersion maximum)
    {
        Schema.Check(schema, document, maximum);
        var result = (JsonObject)document.DeepClone();
        ObjectSchema.Normalize(result, "address", v => PortWrites.Mac("address", v));
        ObjectSchema.Normalize(result, "node_uuid", v => PortWrites.Uuid("node_uuid", v));
        ObjectSchema.Normalize(result, "standalone_ports_supported", v => IronicBool.Parse("standalone_ports_supported", v));
        ObjectSchema.Normalize(result, "uuid", v => PortWrites.Uuid("uuid", v));
        return result;
    }

    /// <summary>The patched portgroup without what the schema does not name.</summary>
    public static JsonObject Prune(JsonObject document, ApiVersion maximum) => Schema.Prune(document, maximum);

    /// <summary>Ironic's logical name rule for portgroup names.</summary>
    public static void CheckName(string? name, string message)
    {
        if (!string.IsNullOrEmpty(name) && !NodeNames.IsValid(name))
        {
            throw ApiFault.BadRequest(message);
        }
    }

    /// <summary>The request with one validated value set; a null value is the field's default, <c>node_uuid</c> and unknown fields leave it as it is.</summary>
    public static PortgroupRequest ToRequest(PortgroupRequest request, string field, JsonNode? value) => field switch
    {
        "address" => request with { Address = value?.GetValue<string>() },
        "category" => request with { Category = value?.GetValue<string>() },
        "extra" => request with { Extra = JsonElements.FromNode(value) },
        "mode" => request with { Mode = value?.GetValue<string>() },
        "name" => request with { Name = value?.GetValue<string>() },
        "physical_network" => request with { PhysicalNetwork = value?.GetValue<string>() },
        "properties" => request with { Properties = JsonElements.FromNode(value) },
        "standalone_ports_supported" => request with { StandalonePortsSupported = value?.GetValue<bool>() ?? true },
        _ => request,
    };
}
