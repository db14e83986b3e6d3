using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// Ironic's RAID configuration schema (<c>drivers/raid_config_schema.json</c>, the same in 21.4,
/// 29.0 and master) and its check (<c>common/raid.py validate_configuration</c>): the first
/// error jsonschema's <c>best_match</c> picks (the error nearest the document's root, in the
/// schema's order), then at most one root volume.
/// </summary>
internal static class RaidConfigSchema
{
    private static readonly string[] RaidLevels = ["JBOD", "0", "1", "2", "5", "6", "1+0", "5+0", "6+0"];
    private static readonly string[] DiskTypes = ["hdd", "ssd"];
    private static readonly string[] InterfaceTypes = ["sata", "scsi", "sas"];
    private static readonly string[] Required = ["raid_level", "size_gb"];

    /// <summary>The logical disk properties with their descriptions, in the schema's order (<c>get_logical_disk_properties</c>).</summary>
    public static readonly ImmutableArray<KeyValuePair<string, string>> LogicalDiskProperties =
    [
        new("raid_level", "RAID level for the logical disk. Valid values are 'JBOD', '0', '1', '2', '5', '6', '1+0', '5+0' and '6+0'. Required."),
        new("size_gb", "Size in GiB (Integer) for the logical disk. Use 'MAX' as size_gb if this logical disk is supposed to use the rest of the space available. Required."),
        new("volume_name", "Name of the volume to be created. If this is not specified, it will be auto-generated. Optional."),
        new("is_root_volume", "Specifies whether this disk is a root volume. By default, this is False. Optional."),
        new("share_physical_disks", "Specifies whether other logical disks can share physical disks with this logical disk. By default, this is False. Optional."),
        new("disk_type", "The type of disk preferred. Valid values are 'hdd' and 'ssd'. If this is not specified, disk type will not be a selection criterion for choosing backing physical disks. Optional."),
        new("interface_type", "The interface type of disk. Valid values are 'sata', 'scsi' and 'sas'. If this is not specified, interface type will not be a selection criterion for choosing backing physical disks. Optional."),
        new("number_of_physical_disks", "Number of physical disks to use for this logical disk. By default, the driver uses the minimum number of disks required for that RAID level. Optional."),
        new("controller", "Controller to use for this logical disk. If not specified, the driver will choose a suitable RAID controller on the bare metal node. Optional."),
        new("physical_disks", "The physical disks to use for this logical disk. If not specified, the driver will choose suitable physical disks to use. Optional."),
    ];

    /// <summary>Why the configuration is invalid, in Ironic's words (<c>RAID config validation error: ...</c> or the root volume count), or null.</summary>
    public static string? Error(JsonElement config)
    {
        var schemaError = SchemaError(config);
        if (schemaError is not null)
        {
            return "RAID config validation error: " + schemaError;
        }

        var roots = config.GetProperty("logical_disks").EnumerateArray().Count(d => d.TryGetProperty("is_root_volume", out var root) && Truthy(root));
        return roots > 1 ? $"Raid config cannot have more than one root volume. {roots} root volumes were specified" : null;
    }

    private static string? SchemaError(JsonElement config)
    {
        if (config.ValueKind != JsonValueKind.Object)
        {
            return NotOfType(config, "object");
        }

        if (!config.TryGetProperty("logical_disks", out var disks))
        {
            return "'logical_disks' is a required property";
        }

        if (Extra(config, name => name == "logical_disks") is { } extra)
        {
            return extra;
        }

        if (disks.ValueKind != JsonValueKind.Array)
        {
            return NotOfType(disks, "array");
        }

        if (disks.GetArrayLength() == 0)
        {
            return "[] is too short";
        }

        return disks.EnumerateArray().Select(DiskError).FirstOrDefault(e => e is not null)
            ?? disks.EnumerateArray().Select(PropertyError).FirstOrDefault(e => e is not null);
    }

    /// <summary>A logical disk's own errors (type, required, additional properties, dependencies).</summary>
    private static string? DiskError(JsonElement disk)
    {
        if (disk.ValueKind != JsonValueKind.Object)
        {
            return NotOfType(disk, "object");
        }

        foreach (var name in Required)
        {
            if (!disk.TryGetProperty(name, out _))
            {
                return $"'{name}' is a required property";
            }
        }

        if (Extra(disk, name => LogicalDiskProperties.Any(p => p.Key == name)) is { } extra)
        {
            return extra;
        }

        return disk.TryGetProperty("physical_disks", out _) && !disk.TryGetProperty("controller", out _)
            ? "'controller' is a dependency of 'physical_disks'"
            : null;
    }

    /// <summary>The first error in a logical disk's properties, in the schema's order.</summary>
    private static string? PropertyError(JsonElement disk)
    {
        foreach (var (name, _) in LogicalDiskProperties)
        {
            if (!disk.TryGetProperty(name, out var value))
            {
                continue;
            }

            var error = name switch
            {
                "raid_level" => Enum(value, RaidLevels),
                "disk_type" => Enum(value, DiskTypes),
                "interface_type" => Enum(value, InterfaceTypes),
                "volume_name" or "controller" => value.ValueKind == JsonValueKind.String ? null : NotOfType(value, "string"),
                "is_root_volume" or "share_physical_disks" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : NotOfType(value, "boolean"),
                "number_of_physical_disks" => !IsInteger(value) ? NotOfType(value, "integer")
                    : value.GetInt64() <= 0 ? $"{PythonRepr.Of(value)} is less than or equal to the minimum of 0" : null,
                "size_gb" => SizeGb(value),
                _ => PhysicalDisks(value),
            };
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>anyOf</c> a non-negative integer or <c>MAX</c>: best_match goes into the branch whose
    /// type the value has (an integer below 0, a string other than MAX), else names the anyOf.
    /// </summary>
    private static string? SizeGb(JsonElement value) => value.ValueKind switch
    {
        _ when IsInteger(value) => value.GetInt64() >= 0 ? null : $"{PythonRepr.Of(value)} is less than the minimum of 0",
        JsonValueKind.String => value.GetString() == "MAX" ? null : $"{PythonRepr.Of(value)} is not one of ['MAX']",
        _ => NotAnyOf(value),
    };

    /// <summary>
    /// <c>anyOf</c> an array of strings or of at least two objects. best_match prefers the
    /// errors deepest in the document: the items of the wrong type in either branch; exactly one
    /// such item is named, more (or a value that is no array) name the anyOf.
    /// </summary>
    private static string? PhysicalDisks(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return NotAnyOf(value);
        }

        var items = value.EnumerateArray().ToList();
        if (items.TrueForAll(d => d.ValueKind == JsonValueKind.String)
            || items.Count >= 2 && items.TrueForAll(d => d.ValueKind == JsonValueKind.Object))
        {
            return null;
        }

        var wrong = items.Where(d => d.ValueKind != JsonValueKind.String).Select(d => NotOfType(d, "string"))
            .Concat(items.Where(d => d.ValueKind != JsonValueKind.Object).Select(d => NotOfType(d, "object")))
            .Take(2).ToList();
        return wrong.Count == 1 ? wrong[0] : NotAnyOf(value);
    }

    private static string? Enum(JsonElement value, string[] allowed) =>
        value.ValueKind != JsonValueKind.String ? NotOfType(value, "string")
        : allowed.Contains(value.GetString()) ? null
        : $"{PythonRepr.Of(value)} is not one of [{string.Join(", ", allowed.Select(PythonRepr.Quote))}]";

    /// <summary>Draft 4's integer: a JSON number without fraction or exponent (not a boolean).</summary>
    private static bool IsInteger(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _) && value.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static string? Extra(JsonElement value, Func<string, bool> known)
    {
        // jsonschema names them sorted.
        var extra = value.EnumerateObject().Select(p => p.Name).Where(n => !known(n)).Order(StringComparer.Ordinal).ToList();
        return extra.Count == 0
            ? null
            : $"Additional properties are not allowed ({string.Join(", ", extra.Select(PythonRepr.Quote))} {(extra.Count == 1 ? "was" : "were")} unexpected)";
    }

    private static string NotOfType(JsonElement value, string type) => $"{PythonRepr.Of(value)} is not of type '{type}'";

    private static string NotAnyOf(JsonElement value) => $"{PythonRepr.Of(value)} is not valid under any of the given schemas";

    private static bool Truthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        _ => true,
    };
}
