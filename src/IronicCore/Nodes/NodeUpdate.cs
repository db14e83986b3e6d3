using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Nodes;

/// <summary>
/// The fields a <c>PATCH /v1/nodes/{node}</c> may change, as the whole wanted record: start
/// from <see cref="From(NodeView)"/> and change fields with <c>with</c>.
/// </summary>
public sealed record NodeUpdate
{
    /// <summary><c>name</c>, or null.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// <c>driver</c>: the hardware type. Changing it keeps the interfaces below, which must then be
    /// ones the new type supports (<c>InvalidParameterValue</c>, Ironic's <c>IncompatibleInterface</c>),
    /// unless they are set to null: Ironic's <c>reset_interfaces</c>. Null keeps the node's.
    /// </summary>
    public string? Driver { get; init; }

    /// <summary><c>power_interface</c>; null is the hardware type's default.</summary>
    public string? PowerInterface { get; init; }

    /// <summary><c>management_interface</c>; null is the hardware type's default.</summary>
    public string? ManagementInterface { get; init; }

    /// <summary><c>boot_interface</c>; null is the hardware type's default.</summary>
    public string? BootInterface { get; init; }

    /// <summary><c>deploy_interface</c>; null is the hardware type's default.</summary>
    public string? DeployInterface { get; init; }

    /// <summary><c>inspect_interface</c>; null is the hardware type's default.</summary>
    public string? InspectInterface { get; init; }

    /// <summary>
    /// <c>rescue_interface</c>; null is the hardware type's default. An interface given with a value
    /// other than the node's may only change in <c>enroll</c>, <c>inspecting</c>, <c>inspect wait</c>,
    /// <c>manageable</c>, <c>available</c> or in maintenance (<c>InvalidState</c>, 409).
    /// </summary>
    public string? RescueInterface { get; init; }

    /// <summary><c>driver_info</c>.</summary>
    public ImmutableSortedDictionary<string, string> DriverInfo { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary><c>automated_clean</c>: null follows <c>[conductor] automated_clean</c>.</summary>
    public bool? AutomatedClean { get; init; }

    /// <summary><c>instance_uuid</c>, or null.</summary>
    public string? InstanceUuid { get; init; }

    /// <summary><c>conductor_group</c>, stored lower case.</summary>
    public string ConductorGroup { get; init; } = string.Empty;

    /// <summary><c>maintenance</c>: turning it off clears the reason and the fault.</summary>
    public bool Maintenance { get; init; }

    /// <summary><c>protected</c>: only in <c>active</c> or <c>rescue</c>.</summary>
    public bool Protected { get; init; }

    /// <summary><c>protected_reason</c>: only with <see cref="Protected"/>.</summary>
    public string? ProtectedReason { get; init; }

    /// <summary><c>retired</c>: not in <c>available</c>.</summary>
    public bool Retired { get; init; }

    /// <summary><c>retired_reason</c>: only with <see cref="Retired"/>.</summary>
    public string? RetiredReason { get; init; }

    /// <summary><c>disable_power_off</c>: the conductor reboots where it would power off, and refuses power-off requests.</summary>
    public bool DisablePowerOff { get; init; }

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

    /// <summary>The node's current values: an update that changes nothing.</summary>
    public static NodeUpdate From(NodeView node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new NodeUpdate
        {
            Name = node.Name,
            Driver = node.Driver,
            PowerInterface = node.PowerInterface,
            ManagementInterface = node.ManagementInterface,
            BootInterface = node.BootInterface,
            DeployInterface = node.DeployInterface,
            InspectInterface = node.InspectInterface,
            RescueInterface = node.RescueInterface,
            DriverInfo = node.DriverInfo,
            AutomatedClean = node.AutomatedClean,
            InstanceUuid = node.InstanceUuid,
            ConductorGroup = node.ConductorGroup,
            Maintenance = node.Maintenance,
            Protected = node.Protected,
            ProtectedReason = node.ProtectedReason,
            Retired = node.Retired,
            RetiredReason = node.RetiredReason,
            DisablePowerOff = node.DisablePowerOff,
            Properties = node.Properties,
            Extra = node.Extra,
            InstanceInfo = node.InstanceInfo,
            NetworkData = node.NetworkData,
            ChassisUuid = node.ChassisUuid,
            Description = node.Description,
            Owner = node.Owner,
            Lessee = node.Lessee,
            ResourceClass = node.ResourceClass,
            Shard = node.Shard,
            ParentNode = node.ParentNode,
            InstanceName = node.InstanceName,
        };
    }
}
