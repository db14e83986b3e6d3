using System.Collections.Frozen;
using System.Text.Json;
using IronicCore.Api.Http;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Api.Nodes;

/// <summary>
/// Ironic's node object, field by field, with the microversion each appeared in (API reference,
/// <c>ironic/api/controllers/v1/node.py</c>); one table drives rendering, version hiding,
/// creation and patching.
/// </summary>
internal static class NodeFields
{
    public static readonly IReadOnlyList<NodeField> All =
    [
        Field("uuid", 1, FieldType.Uuid, create: true, patch: false, n => n.View.Uuid),
        Field("created_at", 1, (w, n) => Timestamps.Write(w, n.View.CreatedAt)),
        Field("updated_at", 1, (w, n) => Timestamps.Write(w, n.View.UpdatedAt)),
        Field("driver", 1, FieldType.String, create: true, patch: true, n => n.View.Driver),
        Field("driver_info", 1, FieldType.Object, create: true, patch: true, (w, n) => Secrets.Write(w, n.View.DriverInfo)),
        Field("properties", 1, FieldType.Object, create: true, patch: true, (w, n) => Object(w, n.View.Properties)),
        Field("extra", 1, FieldType.Object, create: true, patch: true, (w, n) => Object(w, n.View.Extra)),
        Field("instance_info", 1, FieldType.Object, create: true, patch: true, (w, n) => Secrets.Write(w, n.View.InstanceInfo)),
        Field("instance_uuid", 1, FieldType.Uuid, create: true, patch: true, n => n.View.InstanceUuid),
        Field("chassis_uuid", 1, FieldType.Uuid, create: true, patch: true, n => n.View.ChassisUuid),
        Field("console_enabled", 1, FieldType.Boolean, create: true, patch: false, n => n.View.ConsoleEnabled),
        Field("maintenance", 1, FieldType.Boolean, create: true, patch: true, n => n.View.Maintenance),
        Field("maintenance_reason", 1, n => n.View.MaintenanceReason),
        Field("last_error", 1, n => n.View.LastError),
        Field("power_state", 1, n => n.View.PowerState?.ToIronicName()),
        Field("target_power_state", 1, n => n.View.TargetPowerState?.ToIronicName()),
        Field("provision_state", 1, n => n.View.ProvisionState.ToIronicName()),
        Field("target_provision_state", 1, n => n.View.TargetProvisionState?.ToIronicName()),
        Field("provision_updated_at", 1, (w, n) => Timestamps.Write(w, n.View.ProvisionUpdatedAt)),
        Field("reservation", 1, n => n.View.Reservation),
        new("links", 1, FieldType.ReadOnly, false, false, (w, n, url) => Links.Write(w, url, "nodes/", n.View.Uuid)),
        new("ports", 1, FieldType.ReadOnly, false, false, (w, n, url) => Links.Write(w, url, "nodes/", n.View.Uuid, "/ports")),
        Field("driver_internal_info", 3, (w, _) => Object(w, default)),
        Field("name", 5, FieldType.String, create: true, patch: true, n => n.View.Name),
        Field("inspection_started_at", 6, (w, n) => Timestamps.Write(w, n.View.InspectionStartedAt)),
        Field("inspection_finished_at", 6, (w, n) => Timestamps.Write(w, n.View.InspectionFinishedAt)),
        Field("clean_step", 7, (w, n) => Step(w, n.View.CleanStep)),
        Field("raid_config", 12, (w, _) => Object(w, default)),
        Field("target_raid_config", 12, (w, n) => Object(w, n.View.TargetRaidConfig)),
        new("states", 14, FieldType.ReadOnly, false, false, (w, n, url) => Links.Write(w, url, "nodes/", n.View.Uuid, "/states")),
        Field("network_interface", 20, FieldType.String, create: true, patch: true, _ => "flat"),
        Field("resource_class", 21, FieldType.String, create: true, patch: true, n => n.View.ResourceClass),
        new("portgroups", 24, FieldType.ReadOnly, false, false, (w, n, url) => Links.Write(w, url, "nodes/", n.View.Uuid, "/portgroups")),
        Field("boot_interface", 31, FieldType.String, create: true, patch: true, n => n.View.BootInterface),
        Field("console_interface", 31, FieldType.String, create: true, patch: true, n => n.Drivers.Default(n.View.Driver, "console")),
        Field("deploy_interface", 31, FieldType.String, create: true, patch: true, n => n.View.DeployInterface),
        Field("inspect_interface", 31, FieldType.String, create: true, patch: true, n => n.View.InspectInterface),
        Field("management_interface", 31, FieldType.String, create: true, patch: true, n => n.View.ManagementInterface),
        Field("power_interface", 31, FieldType.String, create: true, patch: true, n => n.View.PowerInterface),
        Field("raid_interface", 31, FieldType.String, create: true, patch: true, n => n.Drivers.Default(n.View.Driver, "raid")),
        Field("vendor_interface", 31, FieldType.String, create: true, patch: true, n => n.Drivers.Default(n.View.Driver, "vendor")),
        new("volume", 32, FieldType.ReadOnly, false, false, (w, n, url) => Links.Write(w, url, "nodes/", n.View.Uuid, "/volume")),
        Field("storage_interface", 33, FieldType.String, create: true, patch: true, n => n.Drivers.Default(n.View.Driver, "storage")),
        Field("traits", 37, (w, n) => Strings(w, n.View.Traits)),
        Field("rescue_interface", 38, FieldType.String, create: true, patch: true, n => n.View.RescueInterface),
        Field("bios_interface", 40, FieldType.String, create: true, patch: true, n => n.Drivers.Default(n.View.Driver, "bios")),
        Field("fault", 42, n => n.View.Fault?.ToIronicName()),
        Field("deploy_step", 44, (w, n) => Step(w, n.View.DeployStep)),
        Field("conductor_group", 46, FieldType.String, create: true, patch: true, n => n.View.ConductorGroup),
        Field("automated_clean", 47, FieldType.Boolean, create: true, patch: true, n => n.View.AutomatedClean),
        Field("protected", 48, FieldType.Boolean, create: false, patch: true, n => n.View.Protected),
        Field("protected_reason", 48, FieldType.String, create: false, patch: true, n => n.View.ProtectedReason),
        Field("conductor", 49, n => n.Host),
        Field("owner", 50, FieldType.String, create: true, patch: true, n => n.View.Owner),
        Field("description", 51, FieldType.String, create: true, patch: true, n => n.View.Description),
        Field("allocation_uuid", 52, n => n.View.AllocationUuid),
        Field("retired", 61, FieldType.Boolean, create: true, patch: true, n => n.View.Retired),
        Field("retired_reason", 61, FieldType.String, create: true, patch: true, n => n.View.RetiredReason),
        Field("lessee", 65, FieldType.String, create: true, patch: true, n => n.View.Lessee),
        Field("network_data", 66, FieldType.Object, create: true, patch: true, (w, n) => Object(w, n.View.NetworkData)),
        Field("boot_mode", 75, FieldType.String, create: true, patch: false, n => n.View.BootMode),
        Field("secure_boot", 75, FieldType.Boolean, create: true, patch: false, n => n.View.SecureBoot),
        Field("shard", 82, FieldType.String, create: true, patch: true, n => n.View.Shard),
        Field("parent_node", 83, FieldType.String, create: true, patch: true, n => n.View.ParentNode),
        Field("firmware_interface", 86, FieldType.String, create: true, patch: true, n => n.Drivers.Firmware(n.View.Driver)),
        Field("service_step", 87, (w, n) => Step(w, n.View.ServiceStep)),
        Field("disable_power_off", 95, FieldType.Boolean, create: true, patch: true, n => n.View.DisablePowerOff),
        Field("instance_name", 104, FieldType.String, create: true, patch: true, n => n.View.InstanceName),

        // Read-only: what master's power sync cached (redfish only; null for the others).
        Field("health", 109, (w, n) => Health(w, n.View.Health)),
    ];

    public static readonly FrozenDictionary<string, NodeField> ByName = All.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The fields a node list shows without <c>detail</c> or <c>fields</c>.</summary>
    public static readonly string[] ListDefault = ["instance_uuid", "maintenance", "power_state", "provision_state", "uuid", "name"];

    private static NodeField Field(string name, int since, Action<Utf8JsonWriter, NodeSnapshot> write) =>
        Field(name, since, FieldType.ReadOnly, false, false, write);

    private static NodeField Field(string name, int since, Func<NodeSnapshot, string?> value) =>
        Field(name, since, FieldType.ReadOnly, false, false, value);

    private static NodeField Field(string name, int since, FieldType type, bool create, bool patch, Func<NodeSnapshot, string?> value) =>
        Field(name, since, type, create, patch, (w, n) => String(w, value(n)));

    private static NodeField Field(string name, int since, FieldType type, bool create, bool patch, Func<NodeSnapshot, bool> value) =>
        Field(name, since, type, create, patch, (w, n) => w.WriteBooleanValue(value(n)));

    private static NodeField Field(string name, int since, FieldType type, bool create, bool patch, Func<NodeSnapshot, bool?> value) =>
        Field(name, since, type, create, patch, (w, n) =>
        {
            if (value(n) is { } given)
            {
                w.WriteBooleanValue(given);
            }
            else
            {
                w.WriteNullValue();
            }
        });

    private static NodeField Field(string name, int since, FieldType type, bool create, bool patch, Action<Utf8JsonWriter, NodeSnapshot> write) =>
        new(name, since, type, create, patch, (w, n, _) => write(w, n));

    private static void String(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>A stored dictionary; unset is <c>{}</c>.</summary>
    private static void Object(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            value.WriteTo(writer);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }

    private static void Strings(Utf8JsonWriter writer, IEnumerable<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Step(Utf8JsonWriter writer, StepReference? step)
    {
        writer.WriteStartObject();
        if (step is not null)
        {
            writer.WriteString("interface"u8, step.Interface);
            writer.WriteString("step"u8, step.Step);
        }

        writer.WriteEndObject();
    }

    private static void Health(Utf8JsonWriter writer, NodeHealth? health)
    {
        if (health is { } value)
        {
            writer.WriteStringValue(value.ToIronicName());
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
