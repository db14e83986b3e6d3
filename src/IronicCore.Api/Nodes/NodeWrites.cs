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
    /// <summary>
    /// The update with <paramref name="field"/> set. The interfaces the simulated hardware types
    /// fix by type alone (bios, console, network, raid, storage, vendor, firmware) follow the driver,
    /// once <see cref="EnsureServedInterfaces"/> has checked them; a removed interface is the type's default.
    /// </summary>
    public static NodeUpdate ToUpdate(NodeUpdate update, string field, JsonNode? value) => field switch
    {
        "name" => update with { Name = Text(value) },
        "driver" => update with { Driver = Text(value) },
        "power_interface" => update with { PowerInterface = Text(value) },
        "management_interface" => update with { ManagementInterface = Text(value) },
        "boot_interface" => update with { BootInterface = Text(value) },
        "deploy_interface" => update with { DeployInterface = Text(value) },
        "inspect_interface" => update with { InspectInterface = Text(value) },
        "rescue_interface" => update with { RescueInterface = Text(value) },
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

    /// <summary>
    /// Ironic's <c>check_and_update_node_interfaces</c> for the interfaces only the API knows
    /// (those the conductor's node record does not name): each value given or kept must be one
    /// <paramref name="driver"/> supports (null: its default). Ironic's fake-hardware takes any
    /// enabled implementation; the simulated one runs only its own, so another type's is refused
    /// as not simulated.
    /// </summary>
    public static void EnsureServedInterfaces(
        Drivers.EnabledDrivers drivers, string driver, IEnumerable<(string Field, JsonNode? Value, string Only)> interfaces)
    {
        foreach (var (field, value, only) in interfaces)
        {
            var type = field[..^"_interface".Length];
            if (value is null || RecordedInterfaces.Contains(type))
            {
                continue;
            }

            drivers.EnsureEnabled(type, value.GetValue<string>());
            if (drivers.Supports(driver, type, value.GetValue<string>()))
            {
                drivers.EnsureTypesOwnVendor(driver, type, value.GetValue<string>());
                continue;
            }

            // An interface the simulated types do not choose between (firmware) has one implementation everywhere.
            if (!Drivers.EnabledDrivers.Lists(type))
            {
                if (value.GetValue<string>() != only)
                {
                    throw ApiFault.BadRequest($"{type} interface implementation '{value.GetValue<string>()}' is not supported by hardware type {driver}.");
                }

                continue;
            }

            if (driver == Drivers.EnabledDrivers.FakeHardware && drivers.Names.Any(other => drivers.Supports(other, type, value.GetValue<string>())))
            {
                throw ApiFault.BadRequest(
                    $"The simulated fake-hardware runs only its own {field} ('{drivers.Default(driver, type)}'), not '{value.GetValue<string>()}', which Ironic's " +
                    "fake-hardware would accept; change the driver with reset_interfaces=true, or set the interface too.");
            }

            drivers.EnsureSupported(driver, type, value.GetValue<string>());
        }
    }

    /// <summary>The interfaces the conductor's node record names: it checks them itself, after its state check.</summary>
    public static readonly string[] RecordedInterfaces = ["boot", "deploy", "inspect", "management", "power", "rescue"];

    private static string? Text(JsonNode? value) => value?.GetValue<string>();
}
