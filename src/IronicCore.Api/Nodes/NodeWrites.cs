using System.Collections.Immutable;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Api.Nodes;

/// <summary>Where each writable field is stored: in the conductor's node (through <see cref="NodeUpdate"/>) or in the API's <see cref="NodeRecord"/>.</summary>
internal static class NodeWrites
{
    /// <summary>Fields the conductor keeps.</summary>
    public static readonly string[] ConductorFields =
        ["name", "driver_info", "automated_clean", "instance_uuid", "conductor_group", "maintenance", "protected", "protected_reason", "retired", "retired_reason", "disable_power_off"];

    public static NodeUpdate ToUpdate(NodeUpdate update, string field, JsonNode? value) => field switch
    {
        "name" => update with { Name = Text(value) },
        "driver_info" => update with { DriverInfo = DriverInfo(value as JsonObject) },
        "automated_clean" => update with { AutomatedClean = value?.GetValue<bool>() },
        "instance_uuid" => update with { InstanceUuid = Text(value) },
        "conductor_group" => update with { ConductorGroup = Text(value)?.ToLowerInvariant() ?? string.Empty },
        "maintenance" => update with { Maintenance = value?.GetValue<bool>() ?? false },
        "protected" => update with { Protected = value?.GetValue<bool>() ?? false },
        "protected_reason" => update with { ProtectedReason = Text(value) },
        "retired" => update with { Retired = value?.GetValue<bool>() ?? false },
        "retired_reason" => update with { RetiredReason = Text(value) },
        "disable_power_off" => update with { DisablePowerOff = value?.GetValue<bool>() ?? false },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a conductor field."),
    };

    /// <summary>Stores an API-side field; false when the field is not one.</summary>
    public static bool ToRecord(NodeRecord record, string field, JsonNode? value)
    {
        switch (field)
        {
            case "properties": record.Properties = Object(value); break;
            case "extra": record.Extra = Object(value); break;
            case "instance_info": record.InstanceInfo = Object(value); break;
            case "network_data": record.NetworkData = Object(value); break;
            case "chassis_uuid": record.ChassisUuid = Text(value); break;
            case "description": record.Description = Text(value); break;
            case "owner": record.Owner = Text(value); break;
            case "lessee": record.Lessee = Text(value); break;
            case "resource_class": record.ResourceClass = Text(value); break;
            case "shard": record.Shard = Text(value); break;
            case "parent_node": record.ParentNode = Text(value); break;
            case "instance_name": record.InstanceName = Text(value); break;
            case "console_enabled": record.ConsoleEnabled = value?.GetValue<bool>() ?? false; break;
            default: return false;
        }

        return true;
    }

    /// <summary>The conductor keeps <c>driver_info</c> as text; other JSON values keep their JSON form.</summary>
    public static ImmutableSortedDictionary<string, string> DriverInfo(JsonObject? values) =>
        values is null
            ? ImmutableSortedDictionary<string, string>.Empty
            : values.ToImmutableSortedDictionary(
                p => p.Key,
                p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "null",
                StringComparer.Ordinal);

    /// <summary>Interfaces are fixed by the simulated hardware type: any other value is refused.</summary>
    public static void EnsureInterface(Drivers.EnabledDrivers drivers, string driver, string field, JsonNode? value, string current)
    {
        if (value is not null && value.GetValue<string>() != current)
        {
            drivers.EnsureSupported(driver, field[..^"_interface".Length], value.GetValue<string>());
            throw ApiFault.BadRequest($"Changing {field} of an existing node is not simulated; create the node with it.");
        }
    }

    private static string? Text(JsonNode? value) => value?.GetValue<string>();

    private static JsonObject Object(JsonNode? value) => value is JsonObject obj ? (JsonObject)obj.DeepClone() : [];
}
