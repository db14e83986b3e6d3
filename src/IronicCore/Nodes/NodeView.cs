using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Nodes;

/// <summary>
/// A node as Ironic's API shows it, frozen at the moment it was read: later changes by the
/// conductor do not show through. Immutable and thread-safe.
/// </summary>
public sealed class NodeView
{
    private readonly NodeDetails details;

    internal NodeView(Node node)
    {
        details = node.Details;
        CreatedAt = node.CreatedAt;

        // A provision state change saves the node, as does a request that changes a field.
        var transitionedAt = node.Generation > 0 ? node.ProvisionUpdatedAt : (DateTimeOffset?)null;
        UpdatedAt = transitionedAt is null || details.UpdatedAt > transitionedAt ? details.UpdatedAt : transitionedAt;
        Uuid = node.Uuid;
        Name = node.Name;
        var interfaces = node.Interfaces;
        Driver = interfaces.Driver;
        PowerInterface = interfaces.Power;
        ManagementInterface = interfaces.Management;
        BootInterface = interfaces.Boot;
        DeployInterface = interfaces.Deploy;
        InspectInterface = interfaces.Inspect;
        RescueInterface = interfaces.Rescue;
        DriverInfo = node.DriverInfo;
        ProvisionState = node.ProvisionState;
        TargetProvisionState = node.TargetProvisionState;
        ProvisionUpdatedAt = node.ProvisionUpdatedAt;
        InspectionStartedAt = node.InspectionStartedAt;
        PowerState = node.PowerState;
        TargetPowerState = node.TargetPowerState;
        Maintenance = node.Maintenance;
        MaintenanceReason = node.MaintenanceReason;
        Fault = node.Fault;
        LastError = node.LastError;
        Reservation = node.Reservation;
        ConductorGroup = node.ConductorGroup;
        AutomatedClean = node.AutomatedClean;
        Protected = node.Protected;
        ProtectedReason = node.ProtectedReason;
        Retired = node.Retired;
        RetiredReason = node.RetiredReason;
        DisablePowerOff = node.DisablePowerOff;
        InstanceUuid = node.InstanceUuid;
        CleanStep = node.CleanStep;
        DeployStep = node.DeployStep;
        ServiceStep = node.ServiceStep;
    }

    /// <summary><c>uuid</c>.</summary>
    public string Uuid { get; }

    /// <summary><c>name</c>, or null.</summary>
    public string? Name { get; }

    /// <summary><c>driver</c>: the hardware type, e.g. <c>fake-hardware</c>.</summary>
    public string Driver { get; }

    /// <summary><c>power_interface</c>, e.g. <c>fake</c> or <c>ipmitool</c>.</summary>
    public string PowerInterface { get; }

    /// <summary><c>management_interface</c>, e.g. <c>fake</c> or <c>ipmitool</c>.</summary>
    public string ManagementInterface { get; }

    /// <summary><c>boot_interface</c>, e.g. <c>fake</c> or <c>pxe</c>.</summary>
    public string BootInterface { get; }

    /// <summary><c>deploy_interface</c>, e.g. <c>fake</c> or <c>direct</c>.</summary>
    public string DeployInterface { get; }

    /// <summary><c>inspect_interface</c>, e.g. <c>fake</c>.</summary>
    public string InspectInterface { get; }

    /// <summary><c>rescue_interface</c>: <c>fake</c>, <c>agent</c> or <c>no-rescue</c>.</summary>
    public string RescueInterface { get; }

    /// <summary><c>driver_info</c>: the driver's settings, such as BMC credentials.</summary>
    public ImmutableSortedDictionary<string, string> DriverInfo { get; }

    /// <summary><c>provision_state</c>.</summary>
    public ProvisionState ProvisionState { get; }

    /// <summary><c>target_provision_state</c>: the stable state the node is heading for, or null.</summary>
    public ProvisionState? TargetProvisionState { get; }

    /// <summary><c>provision_updated_at</c>: when <c>provision_state</c> last changed (virtual time); callback timeouts count from it.</summary>
    public DateTimeOffset ProvisionUpdatedAt { get; }

    /// <summary><c>inspection_started_at</c>, or null.</summary>
    public DateTimeOffset? InspectionStartedAt { get; }

    /// <summary><c>power_state</c>: <c>power on</c>, <c>power off</c>, <c>error</c>, or null when unknown.</summary>
    public PowerState? PowerState { get; }

    /// <summary><c>target_power_state</c> while a power action runs, else null.</summary>
    public PowerState? TargetPowerState { get; }

    /// <summary><c>maintenance</c>.</summary>
    public bool Maintenance { get; }

    /// <summary><c>maintenance_reason</c>, or null.</summary>
    public string? MaintenanceReason { get; }

    /// <summary><c>fault</c>: set by the conductor only, with maintenance; null otherwise.</summary>
    public NodeFault? Fault { get; }

    /// <summary><c>last_error</c>, or null.</summary>
    public string? LastError { get; }

    /// <summary><c>reservation</c>: the conductor holding the node's lock, or null.</summary>
    public string? Reservation { get; }

    /// <summary><c>conductor_group</c> (empty by default).</summary>
    public string ConductorGroup { get; }

    /// <summary><c>automated_clean</c>: null follows <c>[conductor] automated_clean</c>.</summary>
    public bool? AutomatedClean { get; }

    /// <summary><c>protected</c>: refuses undeploy, rebuild and deletion.</summary>
    public bool Protected { get; }

    /// <summary><c>protected_reason</c>, or null.</summary>
    public string? ProtectedReason { get; }

    /// <summary><c>retired</c>: refuses <c>provide</c>; cleaning ends in <c>manageable</c>.</summary>
    public bool Retired { get; }

    /// <summary><c>retired_reason</c>, or null.</summary>
    public string? RetiredReason { get; }

    /// <summary><c>disable_power_off</c> (API 1.95): the conductor reboots the machine where it would power it off, and refuses power-off requests.</summary>
    public bool DisablePowerOff { get; }

    /// <summary><c>instance_uuid</c>, or null.</summary>
    public string? InstanceUuid { get; }

    /// <summary><c>clean_step</c> being run, or null.</summary>
    public StepReference? CleanStep { get; }

    /// <summary><c>deploy_step</c> being run, or null.</summary>
    public StepReference? DeployStep { get; }

    /// <summary><c>service_step</c> being run, or null.</summary>
    public StepReference? ServiceStep { get; }

    /// <summary><c>created_at</c>: when the node was enrolled.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>updated_at</c>: when the node was last saved (a provision state change, a heartbeat, a request that changed a field), or null.</summary>
    public DateTimeOffset? UpdatedAt { get; }

    /// <summary><c>properties</c>: a JSON object (e.g. <c>cpus</c>, <c>memory_mb</c>).</summary>
    public JsonElement Properties => details.Properties;

    /// <summary><c>extra</c>: a JSON object of the operator's own.</summary>
    public JsonElement Extra => details.Extra;

    /// <summary><c>instance_info</c>: a JSON object describing the instance (secrets unmasked).</summary>
    public JsonElement InstanceInfo => details.InstanceInfo;

    /// <summary><c>network_data</c>: a JSON object.</summary>
    public JsonElement NetworkData => details.NetworkData;

    /// <summary><c>chassis_uuid</c>, or null.</summary>
    public string? ChassisUuid => details.ChassisUuid;

    /// <summary><c>description</c>, or null.</summary>
    public string? Description => details.Description;

    /// <summary><c>owner</c>, or null.</summary>
    public string? Owner => details.Owner;

    /// <summary><c>lessee</c>, or null.</summary>
    public string? Lessee => details.Lessee;

    /// <summary><c>resource_class</c>, or null.</summary>
    public string? ResourceClass => details.ResourceClass;

    /// <summary><c>shard</c>, or null.</summary>
    public string? Shard => details.Shard;

    /// <summary><c>allocation_uuid</c> (API 1.52): the allocation holding the node, or null.</summary>
    public string? AllocationUuid => details.AllocationUuid;

    /// <summary><c>parent_node</c>: the parent node's UUID, or null.</summary>
    public string? ParentNode => details.ParentNode;

    /// <summary><c>instance_name</c>, or null.</summary>
    public string? InstanceName => details.InstanceName;

    /// <summary><c>console_enabled</c>.</summary>
    public bool ConsoleEnabled => details.ConsoleEnabled;

    /// <summary><c>target_raid_config</c>: the RAID configuration asked for, a JSON object (empty when none).</summary>
    public JsonElement TargetRaidConfig => details.TargetRaidConfig;

    /// <summary><c>inspection_finished_at</c>: when the last inspection succeeded, or null (cleared when one starts).</summary>
    public DateTimeOffset? InspectionFinishedAt => details.InspectionFinishedAt;

    /// <summary><c>health</c> (master, API 1.109): the hardware's health as power sync last read it, or null (a management interface that reads none).</summary>
    public NodeHealth? Health => details.Health;

    /// <summary><c>boot_mode</c> (API 1.75): <c>uefi</c> or <c>bios</c> as the management interface last read or set it, or null (an interface that reads none).</summary>
    public string? BootMode => details.BootMode;

    /// <summary><c>secure_boot</c> (API 1.75): whether UEFI secure boot is on as the management interface last read or set it, or null.</summary>
    public bool? SecureBoot => details.SecureBoot;

    /// <summary><c>traits</c>, in ordinal order.</summary>
    public ImmutableSortedSet<string> Traits => details.Traits;
}
