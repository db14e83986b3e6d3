using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.States;

namespace IronicCore.Nodes;

/// <summary>
/// What <c>POST /v1/nodes</c> takes, plus the simulator's set-up fields that place a new
/// node directly in a state (a test starts from <c>clean wait</c> without walking there).
/// </summary>
public sealed record NodeCreateRequest
{
    /// <summary><c>name</c>: unique, optional.</summary>
    public string? Name { get; init; }

    /// <summary><c>uuid</c>; null draws one from the simulation's seeded randomness.</summary>
    public string? Uuid { get; init; }

    /// <summary><c>driver</c>: the hardware type (default <c>fake-hardware</c>).</summary>
    public string Driver { get; init; } = "fake-hardware";

    /// <summary><c>deploy_interface</c>: <c>fake</c> (the default for fake-hardware: instant) or <c>direct</c> (through the ramdisk agent).</summary>
    public string? DeployInterface { get; init; }

    /// <summary>
    /// <c>management_interface</c>: <c>fake</c> (the default: it has no "disk" boot device, so a
    /// <c>direct</c> deploy fails at <c>prepare_instance_boot</c>, as in Ironic) or <c>noop</c>
    /// (Ironic's no-op management: the boot order is preconfigured, so a deploy finishes). Ironic
    /// 21.4's fake-hardware offers only <c>fake</c>; the simulator adds <c>noop</c> so fleets of
    /// fake-hardware nodes can host instances.
    /// </summary>
    public string? ManagementInterface { get; init; }

    /// <summary>
    /// <c>boot_interface</c>: null for the hardware type's default (fake-hardware <c>fake</c>; ipmi its
    /// network's <c>pxe</c>, or with an Ironic driver configuration <c>driver_factory</c>'s choice, e.g.
    /// <c>ipxe</c>); ipmi also runs the other of <c>pxe</c> and <c>ipxe</c>.
    /// </summary>
    public string? BootInterface { get; init; }

    /// <summary><c>rescue_interface</c>: <c>fake</c> (the default: instant), <c>agent</c> or <c>no-rescue</c>.</summary>
    public string? RescueInterface { get; init; }

    /// <summary><c>inspect_interface</c>; null: the hardware type's default (its out-of-band one, e.g. <c>redfish</c>, else <c>no-inspect</c>; fake-hardware's <c>fake</c>).</summary>
    public string? InspectInterface { get; init; }

    /// <summary><c>bios_interface</c>; null: the hardware type's default (its own, e.g. <c>redfish</c>, else <c>no-bios</c>; fake-hardware's <c>fake</c>).</summary>
    public string? BiosInterface { get; init; }

    /// <summary>Simulation: the clean steps the node's ramdisk agent reports; null for ironic-python-agent's defaults.</summary>
    public ImmutableArray<Steps.StepDefinition>? AgentCleanSteps { get; init; }

    /// <summary>
    /// Simulation: the service steps the node's ramdisk agent reports (Ironic master's servicing
    /// checks a request's steps against them once the agent is up); null for ironic-python-agent's
    /// defaults.
    /// </summary>
    public ImmutableArray<Steps.StepDefinition>? AgentServiceSteps { get; init; }

    /// <summary><c>driver_info</c>.</summary>
    public ImmutableSortedDictionary<string, string> DriverInfo { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary><c>automated_clean</c>: null follows <c>[conductor] automated_clean</c>.</summary>
    public bool? AutomatedClean { get; init; }

    /// <summary><c>conductor_group</c>.</summary>
    public string ConductorGroup { get; init; } = string.Empty;

    /// <summary><c>properties</c>: a JSON object (e.g. <c>cpus</c>, <c>memory_mb</c>); unset is empty.</summary>
    public JsonElement Properties { get; init; }

    /// <summary><c>extra</c>: a JSON object of the operator's own; unset is empty.</summary>
    public JsonElement Extra { get; init; }

    /// <summary><c>instance_info</c>: a JSON object describing the instance to deploy; unset is empty. Tear-down clears it.</summary>
    public JsonElement InstanceInfo { get; init; }

    /// <summary><c>network_data</c>: a JSON object (static network configuration); unset is empty.</summary>
    public JsonElement NetworkData { get; init; }

    /// <summary><c>chassis_uuid</c>, or null.</summary>
    public string? ChassisUuid { get; init; }

    /// <summary><c>description</c>, or null.</summary>
    public string? Description { get; init; }

    /// <summary><c>owner</c>: the project that owns the node, or null.</summary>
    public string? Owner { get; init; }

    /// <summary><c>lessee</c>: the project that leases the node, or null.</summary>
    public string? Lessee { get; init; }

    /// <summary><c>resource_class</c>: the node's class for the Compute service's scheduler, or null.</summary>
    public string? ResourceClass { get; init; }

    /// <summary><c>shard</c>, or null.</summary>
    public string? Shard { get; init; }

    /// <summary><c>parent_node</c>: the parent node's UUID, or null.</summary>
    public string? ParentNode { get; init; }

    /// <summary><c>instance_name</c>, or null. Tear-down clears it.</summary>
    public string? InstanceName { get; init; }

    /// <summary><c>console_enabled</c>.</summary>
    public bool ConsoleEnabled { get; init; }

    /// <summary><c>instance_uuid</c>, or null.</summary>
    public string? InstanceUuid { get; init; }

    /// <summary><c>retired</c>: not for a node created <c>available</c>.</summary>
    public bool Retired { get; init; }

    /// <summary><c>retired_reason</c>: only with <see cref="Retired"/>.</summary>
    public string? RetiredReason { get; init; }

    /// <summary><c>disable_power_off</c>: the conductor reboots where it would power off, and refuses power-off requests.</summary>
    public bool DisablePowerOff { get; init; }

    /// <summary>
    /// Set-up: the state the node is created in (Ironic creates every node in <c>enroll</c>).
    /// A transient state gets its machine target as <c>target_provision_state</c>.
    /// </summary>
    public ProvisionState ProvisionState { get; init; } = ProvisionStateMachine.InitialState;

    /// <summary>Set-up: the recorded <c>power_state</c> (Ironic's default: null, unknown). The machine starts there, or off.</summary>
    public PowerState? PowerState { get; init; }

    /// <summary>Set-up: <c>maintenance</c>.</summary>
    public bool Maintenance { get; init; }

    /// <summary>Set-up: <c>maintenance_reason</c>.</summary>
    public string? MaintenanceReason { get; init; }

    /// <summary>Set-up: <c>fault</c>.</summary>
    public NodeFault? Fault { get; init; }
}
