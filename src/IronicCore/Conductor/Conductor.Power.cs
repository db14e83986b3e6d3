using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore;

/// <summary>Power: <c>PUT /v1/nodes/{node}/states/power</c> and Ironic's <c>node_power_action</c>.</summary>
public sealed partial class Conductor
{
    /// <summary>
    /// Asks for a power action, as <c>PUT /v1/nodes/{node}/states/power</c> does. Accepted
    /// (202): <c>target_power_state</c> is set, <c>last_error</c> cleared, and the action runs as
    /// a worker; a failure of the action itself lands in <c>last_error</c>.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="target">power on, power off, rebooting, soft power off or soft rebooting.</param>
    /// <param name="timeout">For soft actions: how long to wait (default <c>[conductor] soft_power_off_timeout</c>); at least 1 s.</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="InvalidException">The timeout is below 1 s (400).</exception>
    /// <exception cref="InvalidStateRequestedException">An invalid target, or the node is cleaning (400).</exception>
    /// <exception cref="PowerStateFailureException">Power off or soft power off of a node with <c>disable_power_off</c> (409).</exception>
    /// <exception cref="InvalidParameterValueException">The driver does not support the target (400).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    public void SetPowerState(string ident, PowerState target, TimeSpan? timeout = null) =>
        SetPowerState(ident, target.ToIronicName(), timeout);

    /// <summary>
    /// The same request with the target as the API receives it, by Ironic's name: an unknown
    /// target is <c>InvalidStateRequested</c> (400), after the timeout's check (<c>Invalid</c>, 400).
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="target">The target's wire name, e.g. <c>"soft power off"</c>.</param>
    /// <param name="timeout">For soft actions: how long to wait; at least 1 s.</param>
    /// <exception cref="InvalidException">The timeout is below 1 s (400).</exception>
    public void SetPowerState(string ident, string target, TimeSpan? timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        var node = Find(ident);
        if (timeout is { } t && t < TimeSpan.FromSeconds(1))
        {
            throw new InvalidException("timeout has to be positive integer");
        }

        if (!IronicNames.TryParse<PowerState>(target, out var power) || power == PowerState.Error)
        {
            throw new InvalidStateRequestedException(target, node.PowerState?.ToIronicName() ?? "None", [], node.Uuid);
        }

        if (node.ProvisionState is ProvisionState.CleanWait or ProvisionState.Cleaning)
        {
            throw new InvalidStateRequestedException(target, node.ProvisionState.ToIronicName(), [], node.Uuid);
        }

        if (node.DisablePowerOff && power is PowerState.PowerOff or PowerState.SoftPowerOff)
        {
            throw new PowerStateFailureException(target);
        }

        EnsureUnlocked(node);
        node.Hardware.Power.Validate(TaskOf(node));
        if (!node.Hardware.Power.SupportedPowerStates.Contains(power))
        {
            throw new InvalidParameterValueException(
                $"The driver {node.Hardware.Driver} does not support the power state, {target}");
        }

        node.TargetPowerState = TargetOf(power);
        node.LastError = null;
        Schedule(node, Worker.PowerAction, (long)power);
    }

    /// <summary>Ironic's <c>wipe_internal_info_on_power_off</c>: the agent will come back without its URL, token or steps.</summary>
    private static void WipeAgentOnPowerOff(Node node)
    {
        node.AgentUrl = null;
        node.AgentToken = null;
        node.AgentCachedCleanSteps = null;
    }

    /// <summary>
    /// The start of Ironic's <c>power_off_and_on</c> around a change of what the machine boots:
    /// off, unless the node has <c>disable_power_off</c>.
    /// </summary>
    private void PowerOffToChangeBoot(Node node)
    {
        if (!node.DisablePowerOff)
        {
            NodePowerAction(node, PowerState.PowerOff);
        }
    }

    /// <summary>Its end: on, or with <c>disable_power_off</c> a reboot into the new boot.</summary>
    private void PowerOnAfterBootChange(Node node) =>
        NodePowerAction(node, node.DisablePowerOff ? PowerState.Rebooting : PowerState.PowerOn);

    private static PowerState TargetOf(PowerState action) =>
        action is PowerState.PowerOn or PowerState.Rebooting or PowerState.SoftRebooting ? PowerState.PowerOn : PowerState.PowerOff;

    /// <summary>
    /// Ironic's <c>node_power_action</c>: skip when the machine is already there, else drive it
    /// and record the result; a failure clears the target and lands in <c>last_error</c>. A node
    /// with <c>disable_power_off</c> refuses to go off (the flows that know it reboot instead),
    /// and the refusal is such a failure.
    /// </summary>
    private void NodePowerAction(Node node, PowerState action)
    {
        if (node.DisablePowerOff && TargetOf(action) == PowerState.PowerOff)
        {
            node.TargetPowerState = null;
            node.LastError = new PowerStateFailureException(action.ToIronicName()).Message;
            return;
        }

        var power = node.Hardware.Power;
        if (action is PowerState.PowerOn or PowerState.PowerOff or PowerState.SoftPowerOff)
        {
            PowerState? current;
            try
            {
                current = power.GetPowerState(TaskOf(node));
            }
            catch (IronicException error)
            {
                RecordHistory(node, $"Failed to change power state to '{action.ToIronicName()}': {error.Message}", eventType: null);
                node.TargetPowerState = null;
                return;
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

        if (!machine.StatesIn(ProvisionStateSet.FailureStates).Contains(node.ProvisionState))
        {
            node.LastError = null;
        }

        try
        {
            power.SetPowerState(TaskOf(node), action);
        }
        catch (IronicException error)
        {
            node.TargetPowerState = null;
            RecordHistory(node, $"Failed to change power state to '{target.ToIronicName()}' by '{action.ToIronicName()}': {error.Message}", eventType: null);
            return;
        }

        node.PowerState = target;
        node.TargetPowerState = null;
    }
}
