using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Power (Ironic's <c>conductor/utils.py</c> <c>node_power_action</c> and its error handling):
/// the request's checks (<c>PUT /v1/nodes/{node}/states/power</c>), the action, and the power
/// cycle around a change of what the machine boots.
/// </summary>
internal sealed class PowerActions(ConductorContext context)
{
    /// <summary>
    /// Checks a power request and schedules its worker; <paramref name="target"/> is the API's
    /// wire name, <paramref name="ident"/> the node as the request named it, which Ironic's power
    /// API echoes in its refusals.
    /// </summary>
    public void Request(Node node, string ident, string target, TimeSpan? timeout)
    {
        if (timeout is { } t && t < TimeSpan.FromSeconds(1))
        {
            throw new InvalidException("timeout has to be positive integer");
        }

        if (!IronicNames.TryParse<PowerState>(target, out var power) || power == PowerState.Error)
        {
            throw new InvalidStateRequestedException(target, node.PowerState?.ToIronicName() ?? "None", [], ident);
        }

        if (node.ProvisionState is ProvisionState.CleanWait or ProvisionState.Cleaning)
        {
            throw new InvalidStateRequestedException(target, node.ProvisionState.ToIronicName(), [], ident);
        }

        if (node.DisablePowerOff && power is PowerState.PowerOff or PowerState.SoftPowerOff)
        {
            throw new PowerStateFailureException(target);
        }

        context.Tasks.EnsureUnlocked(node);
        var task = context.Nodes.TaskOf(node);
        task.Driver.Power.Validate(task);
        if (!task.Driver.Power.SupportedPowerStates.Contains(power))
        {
            throw new InvalidParameterValueException(
                $"The driver {task.Driver.Driver} does not support the power state, {target}");
        }

        node.TargetPowerState = TargetOf(power);
        node.LastError = null;
        context.Tasks.Schedule(node, Worker.PowerAction, (long)power);
    }

    /// <summary>
    /// The start of Ironic's <c>power_off_and_on</c> around a change of what the machine boots:
    /// off, unless the node has <c>disable_power_off</c>.
    /// </summary>
    public void PowerOffToChangeBoot(Node node)
    {
        if (!node.DisablePowerOff)
        {
            NodePowerAction(node, PowerState.PowerOff);
        }
    }

    /// <summary>Its end: on, or with <c>disable_power_off</c> a reboot into the new boot.</summary>
    public void PowerOnAfterBootChange(Node node) =>
        NodePowerAction(node, node.DisablePowerOff ? PowerState.Rebooting : PowerState.PowerOn);

    /// <summary>
    /// Ironic's <c>node_power_action</c>: skip when the machine is already there, else drive it
    /// and record the result. A failure clears the target, lands in <c>last_error</c> and is
    /// thrown again, so the caller's error handler decides the node's state, as in Ironic. A node
    /// with <c>disable_power_off</c> refuses to go off (<c>PowerStateFailure</c>, nothing recorded).
    /// </summary>
    /// <exception cref="IronicException">The power driver's failure, or the refusal.</exception>
    public void NodePowerAction(Node node, PowerState action)
    {
        if (node.DisablePowerOff && TargetOf(action) == PowerState.PowerOff)
        {
            throw new PowerStateFailureException(action.ToIronicName());
        }

        var task = context.Nodes.TaskOf(node);
        var power = task.Driver.Power;
        if (action is PowerState.PowerOn or PowerState.PowerOff or PowerState.SoftPowerOff)
        {
            PowerState? current;
            try
            {
                current = power.GetPowerState(task);
            }
            catch (IronicException error)
            {
                context.History.Record(node, $"Failed to change power state to '{action.ToIronicName()}': {error.Message}", eventType: null);
                node.TargetPowerState = null;
                throw;
            }

            if ((current == PowerState.PowerOn && action == PowerState.PowerOn)
                || (current == PowerState.PowerOff && action is PowerState.PowerOff or PowerState.SoftPowerOff))
            {
                if (action != PowerState.PowerOn)
                {
                    WipeAgentOnPowerOff(node);
                }

                node.LastError = null;
                node.PowerState = current;
                node.TargetPowerState = null;
                return;
            }
        }

        var target = TargetOf(action);
        node.TargetPowerState = target;
        if (action != PowerState.PowerOn)
        {
            WipeAgentOnPowerOff(node);
        }

        if (!context.Machine.StatesIn(ProvisionStateSet.FailureStates).Contains(node.ProvisionState))
        {
            node.LastError = null;
        }

        try
        {
            power.SetPowerState(task, action);
        }
        catch (IronicException error)
        {
            node.TargetPowerState = null;
            context.History.Record(node, $"Failed to change power state to '{target.ToIronicName()}' by '{action.ToIronicName()}': {error.Message}", eventType: null);
            throw;
        }

        node.PowerState = target;
        node.TargetPowerState = null;
    }

    private static PowerState TargetOf(PowerState action) =>
        action is PowerState.PowerOn or PowerState.Rebooting or PowerState.SoftRebooting ? PowerState.PowerOn : PowerState.PowerOff;

    /// <summary>
    /// Ironic's <c>wipe_internal_info_on_power_off</c>: the agent will come back without its URL, token
    /// or steps, unless virtual media pregenerated the token (the next agent boots holding it).
    /// </summary>
    private static void WipeAgentOnPowerOff(Node node)
    {
        node.AgentUrl = null;
        if (!node.AgentTokenPregenerated)
        {
            node.AgentToken = null;
        }

        node.AgentCachedCleanSteps = null;
        node.AgentDeployStepsCached = false;
        node.AgentStartAttempted = false;
    }
}
