using System.Collections.Immutable;
using System.Text.Json.Nodes;
using IronicCore.Api.Http;
using IronicCore.Api.Errors;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Api.Nodes;

/// <summary>How each writable field is handed to the conductor: in a <see cref="NodeUpdate"/> or a <see cref="NodeCreateRequest"/>.</summary>
internal static class NodeWrites
{
    /// <summary>The update with <paramref name="field"/> set; the driver and the interfaces, which a patch cannot change, leave it as it is.</summary>
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
        "properties" => update with { Properties = JsonElements.FromNode(value) },
        "extra" => update with { Extra = JsonElements.FromNode(value) },
        "instance_info" => update with { InstanceInfo = JsonElements.FromNode(value) },
        "network_data" => update with { NetworkData = JsonElements.FromNode(value) },
        "chassis_uuid" => update with { ChassisUuid = Text(value) },
        "description" => update with { Description = Text(value) },
        "owner" => update with { Owner = Text(value) },
        "lessee" => update with { Lessee = Text(value) },
        "resource_class" => update with { ResourceClass = Text(value) },
        "shard" => update with { Shard = Text(value) },
        "parent_node" => update with { ParentNode = Text(value) },
        "instance_name" => update with { InstanceName = Text(value) },
        _ => update,
    };

    /// <summary>The creation request with <paramref name="field"/> set, for the fields beyond the driver's and the name that a creation sets.</summary>
    public static NodeCreateRequest ToCreate(NodeCreateRequest request, string field, JsonNode? value) => field switch
    {
        "properties" => request with { Properties = JsonElements.FromNode(value) },
        "extra" => request with { Extra = JsonElements.FromNode(value) },
        "instance_info" => request with { InstanceInfo = JsonElements.FromNode(value) },
        "network_data" => request with { NetworkData = JsonElements.FromNode(value) },
        "chassis_uuid" => request with { ChassisUuid = Text(value) },
        "description" => request with { Description = Text(value) },
        "owner" => request with { Owner = Text(value) },
        "lessee" => request with { Lessee = Text(value) },
        "resource_class" => request with { ResourceClass = Text(value) },
        "shard" => request with { Shard = Text(value) },
        "parent_node" => request with { ParentNode = Text(value) },
        "instance_name" => request with { InstanceName = Text(value) },
        "console_enabled" => request with { ConsoleEnabled = value?.GetValue<bool>() ?? false },
        "instance_uuid" => request with { InstanceUuid = Text(value) },
        "retired" => request with { Retired = value?.GetValue<bool>() ?? false },
        "retired_reason" => request with { RetiredReason = Text(value) },
        "disable_power_off" => request with { DisablePowerOff = value?.GetValue<bool>() ?? false },
        _ => request,
    };

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
}
