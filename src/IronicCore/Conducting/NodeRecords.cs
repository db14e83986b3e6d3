using System.Collections.Immutable;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's <c>create_node</c>, <c>update_node</c> and <c>destroy_node</c> with their rules,
/// every check before the first change; maintenance, protection and retirement.
/// </summary>
internal sealed class NodeRecords(ConductorContext context)
{
    /// <summary>Ironic's <c>update_node</c>'s <c>allowed_update_states</c>, in its order.</summary>
    private static readonly ProvisionState[] AllocationReleaseStates =
        [ProvisionState.Enroll, ProvisionState.Inspecting, ProvisionState.InspectWait, ProvisionState.Manageable, ProvisionState.Available];

    /// <summary>Enrolls a node; set-up fields of the request may place it directly in another state.</summary>
    public Node Create(NodeCreateRequest request)
    {
        var machine = context.Machine;
        var driver = context.Drivers.DriverFor(
            request.Driver,
            request.DeployInterface,
            request.RescueInterface,
            request.ManagementInterface,
            request.BootInterface,
            inspectInterface: request.InspectInterface,
            biosInterface: request.BiosInterface);
        if (request.Name is { } name && !NodeNames.IsValid(name))
        {
            throw new InvalidParameterValueException("node name", name, []);
        }

        if (!machine.Exists(request.ProvisionState))
        {
            throw new InvalidParameterValueException(
                "provision state", request.ProvisionState.ToIronicName(), [.. machine.States.Select(s => s.ToIronicName())]);
        }

        if (request.PowerState is { } power && power is not (PowerState.PowerOn or PowerState.PowerOff))
        {
            throw new InvalidParameterValueException("power state", power.ToIronicName(), ["power on", "power off"]);
        }

        if (request.ChassisUuid is { } chassis)
        {
            // Ironic's node API looks the chassis up first, answering 400 rather than 404.
            context.ChassisTable.Get(chassis, code: 400);
        }

        var uuid = request.Uuid ?? context.Random.NewUuid().ToString();
        if (request.Name is not null && context.Nodes.HasName(request.Name))
        {
            throw new DuplicateNameException(request.Name);
        }

        if (context.Nodes.HasUuid(uuid))
        {
            throw new NodeAlreadyExistsException(uuid);
        }

        // The agent first, then the node, its machine and its task together: a fleet-wide pass
        // such as power sync reads those three, and side by side in memory they cost one stream
        // of reads instead of three scattered ones.
        var slot = context.Nodes.Count;
        var agent = context.Agents.Create(slot, request.AgentCleanSteps, request.AgentServiceSteps, request.PowerState == PowerState.PowerOn);
        var node = new Node(slot, uuid, request.Name, driver.Interfaces, context.Clock.GetUtcNow())
        {
            DriverInfo = request.DriverInfo,
            AutomatedClean = request.AutomatedClean,
            // Master's node creation gives a node without a group [DEFAULT] default_conductor_group (21.4: "").
            ConductorGroup = request.ConductorGroup.Length == 0 ? context.Options.DefaultSection.DefaultConductorGroup : request.ConductorGroup,
            ProvisionState = request.ProvisionState,
            TargetProvisionState = machine.TargetOf(request.ProvisionState),
            PowerState = request.PowerState,
            Maintenance = request.Maintenance,
            MaintenanceReason = request.MaintenanceReason,
            Fault = request.Fault,
        };
        NodeDetailsRules.TakeCreationFields(node, request);
        var simulated = new SimulatedMachine(
            slot, request.PowerState, agent, context.AgentHost.PowerChanged, context.Nodes.RecordedPowerState, tracked: driver.Power.Name != "fake");
        var task = new DriverTask(node, driver, simulated, context.AgentHost.TaskHost);
        context.Nodes.Add(node, node.ProvisionState, simulated, task);
        context.Nodes.Register(node);
        return node;
    }

    /// <summary>
    /// Ironic's <c>destroy_node</c> with its refusals (an instance outside maintenance, protected,
    /// a state outside <c>DELETE_ALLOWED_STATES</c> and, with <c>allow_deleting_available_nodes</c>,
    /// <c>available</c>, unless in maintenance); the node's history goes with it.
    /// </summary>
    public void Delete(Node node)
    {
        context.Tasks.EnsureUnlocked(node);
        if (!node.Maintenance && node.InstanceUuid is not null)
        {
            throw new NodeAssociatedException(node.Uuid, node.InstanceUuid);
        }

        if (node.Protected)
        {
            throw new NodeProtectedException(node.Uuid);
        }

        // Ironic's tuple, in its order, goes into the message as Python prints it.
        var deleteAllowed = ProvisionStateSetDefinition.Of(ProvisionStateSet.DeleteAllowedStates);
        ImmutableArray<ProvisionState> allowed = context.Options.AllowDeletingAvailableNodes ? [.. deleteAllowed, ProvisionState.Available] : deleteAllowed;
        if (!node.Maintenance && !allowed.Contains(node.ProvisionState))
        {
            throw new InvalidStateException(
                $"Can not delete node \"{node.Uuid}\" while it is in provision state \"{node.ProvisionState.ToIronicName()}\". " +
                $"Valid provision states to perform deletion are: \"({string.Join(", ", allowed.Select(s => $"'{s.ToIronicName()}'"))})\", " +
                "or set the node into maintenance mode");
        }

        context.History.Forget(node);
        context.Network.RemoveNode(node.Uuid);
        context.AllocationRules.NodeDeleted(node.Uuid);
        context.Volumes.NodeDeleted(node.Uuid);
        context.Nodes.Remove(node);
        node.Generation++;
    }

    /// <summary>Maintenance on, in any provision state: the reason is replaced; a <c>fault</c> the conductor set stays.</summary>
    public void SetMaintenance(Node node, string? reason)
    {
        context.Tasks.EnsureUnlocked(node);
        context.Nodes.SetMaintenance(node, true);
        node.MaintenanceReason = reason;
        NodeDetailsRules.Touch(node, context.Clock.GetUtcNow());
    }

    /// <summary>Maintenance off: the reason and the <c>fault</c> go with it.</summary>
    public void ClearMaintenance(Node node)
    {
        context.Tasks.EnsureUnlocked(node);
        context.Nodes.SetMaintenance(node, false);
        node.MaintenanceReason = null;
        node.Fault = null;
        NodeDetailsRules.Touch(node, context.Clock.GetUtcNow());
    }

    /// <summary>Replaces a node's <c>driver_info</c> (<c>PATCH /v1/nodes/{node}</c> on <c>/driver_info</c>).</summary>
    public void UpdateDriverInfo(Node node, ImmutableSortedDictionary<string, string> driverInfo)
    {
        context.Tasks.EnsureUnlocked(node);
        if (!node.Maintenance && node.TargetProvisionState is not null
            && !context.Machine.StatesIn(ProvisionStateSet.UpdateAllowedStates).Contains(node.ProvisionState))
        {
            throw new InvalidStateException(
                $"Node {node.Uuid} can not be updated while a state transition is in progress.");
        }

        node.DriverInfo = driverInfo;
    }

    /// <summary>
    /// Sets or clears <c>protected</c> (with its reason). A protected node refuses undeploy,
    /// rebuild and deletion. Only an <c>active</c> or <c>rescue</c> node can be protected;
    /// clearing it clears the reason.
    /// </summary>
    public void SetProtected(Node node, bool @protected, string? reason)
    {
        context.Tasks.EnsureUnlocked(node);
        if (@protected && node.ProvisionState is not (ProvisionState.Active or ProvisionState.Rescue))
        {
            throw new InvalidStateException(
                $"Node {node.Uuid} can only be made protected in provision states \"active\" and \"rescue\", " +
                $"the current state is \"{node.ProvisionState.ToIronicName()}\"");
        }

        node.Protected = @protected;
        node.ProtectedReason = @protected ? reason : null;
    }

    /// <summary>
    /// Sets or clears <c>retired</c> (with its reason). A retired node refuses <c>provide</c>,
    /// and its cleaning ends in <c>manageable</c>. An <c>available</c> node cannot be retired.
    /// </summary>
    public void SetRetired(Node node, bool retired, string? reason)
    {
        context.Tasks.EnsureUnlocked(node);
        if (retired && node.ProvisionState == ProvisionState.Available)
        {
            throw new InvalidStateException(
                $"Node {node.Uuid} can not be retired in provision state \"available\"; move it to \"manageable\" first");
        }

        node.Retired = retired;
        node.RetiredReason = retired ? reason : null;
    }

    /// <summary>Ironic's <c>update_node</c>: every check, then the changed fields; <c>updated_at</c> when one changed.</summary>
    /// <exception cref="ArgumentException">A dictionary field is not a JSON object.</exception>
    public void Update(Node node, NodeUpdate update)
    {
        context.Tasks.EnsureUnlocked(node);
        var details = NodeDetailsRules.DetailsWith(node.Details, update);
        var changed = !ReferenceEquals(details, node.Details) || !NodeDetailsRules.Unchanged(node, update);
        var renamed = update.Name != node.Name;
        if (renamed && update.Name is { } name)
        {
            if (!NodeNames.IsValid(name))
            {
                throw new InvalidParameterValueException("node name", name, []);
            }

            if (context.Nodes.HasName(name))
            {
                throw new DuplicateNameException(name);
            }
        }

        if (update.ChassisUuid is { } chassis && update.ChassisUuid != node.Details.ChassisUuid)
        {
            context.ChassisTable.Get(chassis, code: 400);
        }

        if (update.InstanceUuid is not null && node.InstanceUuid is not null && update.InstanceUuid != node.InstanceUuid)
        {
            throw new NodeAssociatedException(node.Uuid, node.InstanceUuid);
        }

        var allocation = update.InstanceUuid is null && node.InstanceUuid is not null && node.Details.AllocationUuid is { } held
            ? context.Allocations.ByUuid(held)
            : null;
        if (allocation is not null && !node.Maintenance && !AllocationReleaseStates.Contains(node.ProvisionState))
        {
            throw new InvalidStateException(
                $"Node {node.Uuid} with an allocation can not have instance_uuid removed unless it is in one of allowed " +
                $"({string.Join(", ", AllocationReleaseStates.Select(s => s.ToIronicName()))}) states or in maintenance mode. " +
                $"Current state is '{node.ProvisionState.ToIronicName()}'.");
        }

        if (update.Protected && !node.Protected && node.ProvisionState is not (ProvisionState.Active or ProvisionState.Rescue))
        {
            throw new InvalidStateException(
                $"Node {node.Uuid} can only be made protected in provision states 'active' or 'rescue', " +
                $"the current state is '{node.ProvisionState.ToIronicName()}'");
        }

        if (!update.Protected && update.ProtectedReason is not null && update.ProtectedReason != node.ProtectedReason)
        {
            throw new InvalidParameterValueException("The protected_reason field can only be set when protected is True");
        }

        NodeDetailsRules.CheckRetired(node.Uuid, node.ProvisionState, node.Retired, node.RetiredReason, update.Retired, update.RetiredReason);
        var driver = NodeDriverRules.Check(context, node, update);

        if (renamed)
        {
            context.Nodes.Rename(node, update.Name);
        }

        node.DriverInfo = update.DriverInfo;
        node.AutomatedClean = update.AutomatedClean;
        node.InstanceUuid = update.InstanceUuid;
        node.ConductorGroup = update.ConductorGroup.ToLowerInvariant();
        node.Protected = update.Protected;
        node.ProtectedReason = update.Protected ? update.ProtectedReason : null;
        node.Retired = update.Retired;
        node.RetiredReason = update.Retired ? update.RetiredReason : null;
        node.DisablePowerOff = update.DisablePowerOff;
        if (node.Maintenance && !update.Maintenance)
        {
            node.MaintenanceReason = null;
            node.Fault = null;
        }

        context.Nodes.SetMaintenance(node, update.Maintenance);
        node.Details = allocation is null ? details : details with { AllocationUuid = null };
        if (allocation is not null)
        {
            context.AllocationRules.Destroy(allocation);
        }

        if (driver is not null)
        {
            NodeDriverRules.Apply(context, node, driver);
            changed = true;
        }

        if (changed)
        {
            NodeDetailsRules.Touch(node, context.Clock.GetUtcNow());
        }
    }

    /// <summary>
    /// Ironic's <c>add_node_traits</c> under the node's lock: added, or replacing the node's own;
    /// <c>updated_at</c> stays (traits are a table of their own in Ironic).
    /// </summary>
    public void AddTraits(Node node, IEnumerable<string> traits, bool replace)
    {
        context.Tasks.EnsureUnlocked(node);
        var result = NodeTraits.Add(node, traits, replace);
        node.Details = node.Details with { Traits = result };
    }

    /// <summary>Ironic's <c>remove_node_traits</c> under the node's lock: those given, or all (null); none if one is missing.</summary>
    public void RemoveTraits(Node node, IEnumerable<string>? traits)
    {
        context.Tasks.EnsureUnlocked(node);
        var result = NodeTraits.Remove(node, traits);
        node.Details = node.Details with { Traits = result };
    }
}
