using System.Runtime.InteropServices;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore;

/// <summary>
/// Ironic's periodic tasks that change nodes: callback timeouts, power state sync and
/// power failure recovery (<c>ironic/conductor/manager.py</c>).
/// </summary>
public sealed partial class Conductor
{
    /// <summary>The states power sync leaves alone (Ironic's <c>SYNC_EXCLUDED_STATES</c>), by state number.</summary>
    private static readonly bool[] SyncExcluded = ProvisionStateFlags.Where(
        state => state is ProvisionState.WaitCallBack or ProvisionState.CleanWait or ProvisionState.Enroll or ProvisionState.AdoptFailed);

    /// <summary>The enabled periodic tasks, in Ironic's registration order, which decides who runs first at the same instant.</summary>
    private IEnumerable<(string Name, TimeSpan Spacing, Action Run)> EnabledPeriodicTasks()
    {
        var check = Options.CheckProvisionStateInterval;
        if (check > TimeSpan.Zero && Options.CleanCallbackTimeout > TimeSpan.Zero)
        {
            yield return ("_check_cleanwait_timeouts", check, CheckCleanWaitTimeouts);
        }

        if (check > TimeSpan.Zero && Options.DeployCallbackTimeout > TimeSpan.Zero)
        {
            yield return ("_check_deploy_timeouts", check, CheckDeployTimeouts);
        }

        if (check > TimeSpan.Zero && Options.InspectWaitTimeout > TimeSpan.Zero)
        {
            yield return ("_check_inspect_wait_timeouts", check, CheckInspectWaitTimeouts);
        }

        if (Options.RescueCallbackTimeout != TimeSpan.Zero)
        {
            yield return ("_check_rescuewait_timeouts", Options.CheckRescueStateInterval, CheckRescueWaitTimeouts);
        }

        if (Release == IronicRelease.Master && check > TimeSpan.Zero && Options.ServiceCallbackTimeout > TimeSpan.Zero)
        {
            yield return ("_check_servicewait_timeouts", check, CheckServiceWaitTimeouts);
        }

        if (Options.PowerFailureRecoveryInterval > TimeSpan.Zero)
        {
            yield return ("_power_failure_recovery", Options.PowerFailureRecoveryInterval, RecoverPowerFailures);
        }

        if (Options.SyncPowerStateInterval > TimeSpan.Zero)
        {
            yield return ("_sync_power_states", Options.SyncPowerStateInterval, SyncPowerStates);
        }

        if (Options.NodeHistoryCleanupInterval > TimeSpan.Zero && Options.NodeHistoryCleanupBatchCount > 0 && Options.NodeHistoryMaxEntries != 0)
        {
            yield return (NodeHistoryCleanupTask, Options.NodeHistoryCleanupInterval, PurgeNodeHistory);
        }
    }

    /// <summary>
    /// The nodes a timeout task may fail: in <paramref name="state"/>, not reserved, not in
    /// maintenance, their clock older than the timeout; oldest first, at most
    /// <c>[conductor] periodic_max_workers</c> per run, as Ironic's <c>_fail_if_in_state</c>.
    /// </summary>
    private List<Node> TimedOut(ProvisionState state, TimeSpan timeout, Func<Node, DateTimeOffset?> since)
    {
        timedOut.Clear();
        if (CountIn(state) == 0)
        {
            return timedOut;
        }

        // One pass keeping the oldest few, in order: a fleet has many nodes waiting and few
        // past their timeout, and this runs every minute.
        var limit = Clock.GetUtcNow() - timeout;
        var states = CollectionsMarshal.AsSpan(stateBySlot);
        for (var slot = 0; slot < states.Length; slot++)
        {
            if (states[slot] != state || nodes[slot] is not { } node || node.Reservation is not null || node.Maintenance
                || since(node) is not { } at || at >= limit)
            {
                continue;
            }

            var position = timedOut.Count;
            while (position > 0 && since(timedOut[position - 1])!.Value > at)
            {
                position--;
            }

            if (position < Options.PeriodicMaxWorkers)
            {
                timedOut.Insert(position, node);
                if (timedOut.Count > Options.PeriodicMaxWorkers)
                {
                    timedOut.RemoveAt(timedOut.Count - 1);
                }
            }
        }

        return timedOut;
    }

    private void CheckCleanWaitTimeouts()
    {
        foreach (var node in TimedOut(ProvisionState.CleanWait, Options.CleanCallbackTimeout, n => n.ProvisionUpdatedAt))
        {
            Fire(node, ProvisionEvent.Fail, node.TargetProvisionState, spawnsWorker: true);
            var step = DescribeCurrentStep(node);
            StepsFailed(
                node,
                "Timeout reached while cleaning the node. Please check if the ramdisk responsible for the cleaning " +
                $"is running on the node. Failed on step {step}.",
                setFailState: false);
        }
    }

    private void CheckDeployTimeouts()
    {
        foreach (var node in TimedOut(ProvisionState.WaitCallBack, Options.DeployCallbackTimeout, n => n.ProvisionUpdatedAt))
        {
            Fire(node, ProvisionEvent.Fail, spawnsWorker: true);
            RecordHistory(node, $"Timeout reached while waiting for callback for node {node.Uuid}", "deploying");
            WipeDeployInfo(node);
        }
    }

    private void CheckInspectWaitTimeouts()
    {
        foreach (var node in TimedOut(ProvisionState.InspectWait, Options.InspectWaitTimeout, n => n.InspectionStartedAt))
        {
            Fire(node, ProvisionEvent.Fail, lastError: "timeout reached while inspecting the node");
        }
    }

    private void CheckRescueWaitTimeouts()
    {
        foreach (var node in TimedOut(ProvisionState.RescueWait, Options.RescueCallbackTimeout, n => n.ProvisionUpdatedAt))
        {
            Fire(node, ProvisionEvent.Fail, node.TargetProvisionState, spawnsWorker: true);
            const string error = "Timeout reached while waiting for rescue ramdisk callback for node";
            NodePowerAction(node, PowerState.PowerOff);
            RecordHistory(
                node,
                node.TargetPowerState is null && node.LastError is { } failure && failure.StartsWith("Failed", StringComparison.Ordinal)
                    ? $"Rescue operation was unsuccessful, clean up failed for node: {failure}"
                    : error,
                "rescuing");
        }
    }

    private void CheckServiceWaitTimeouts()
    {
        foreach (var node in TimedOut(ProvisionState.ServiceWait, Options.ServiceCallbackTimeout, n => n.ProvisionUpdatedAt))
        {
            Fire(node, ProvisionEvent.Fail, node.TargetProvisionState, spawnsWorker: true);
            StepsFailed(node, $"Timeout reached while servicing the node. Failed on step {DescribeCurrentStep(node)}.", setFailState: false);
        }
    }

    /// <summary>
    /// Ironic's <c>_sync_power_states</c>: read every eligible node's power state; count
    /// failures per node, recently failing nodes first; past
    /// <c>power_state_sync_max_retries</c> the node goes to maintenance with fault
    /// <c>power failure</c>. A mismatch is forced back to the recorded state, or recorded.
    /// </summary>
    private void SyncPowerStates()
    {
        // Recently failing nodes first, most failures first, ties in slot order (Ironic's stable
        // sort of its node list), then the others in slot order. Only the failing few are sorted,
        // and the pass over the fleet reads the compact state and maintenance tables before it
        // touches a node: at 100,000 nodes every ten minutes, this pass was most of a fleet run.
        powerSyncFirst.Clear();
        powerSyncFailing.CopySorted(powerSyncFirst);
        var firstBySlot = powerSyncFirst.ToArray();
        powerSyncFirst.Sort((a, b) =>
        {
            var byFailures = nodes[b]!.PowerSyncFailures.CompareTo(nodes[a]!.PowerSyncFailures);
            return byFailures != 0 ? byFailures : a.CompareTo(b);
        });
        foreach (var slot in powerSyncFirst)
        {
            SyncIfEligible(slot);
        }

        var next = 0;
        for (var slot = 0; slot < stateBySlot.Count; slot++)
        {
            if (next < firstBySlot.Length && firstBySlot[next] == slot)
            {
                next++;
                continue;
            }

            SyncIfEligible(slot);
        }
    }

    /// <summary>Syncs the node in <paramref name="slot"/> unless Ironic's sync skips it; the compact tables are read before the node.</summary>
    private void SyncIfEligible(int slot)
    {
        if (SyncExcluded[(int)stateBySlot[slot]] || maintenanceSlots.Contains(slot) || nodes[slot] is not { } node
            || node.TargetPowerState is not null || node.Reservation is not null)
        {
            return;
        }

        // Written only when it changes: a pass that dirtied every node's memory cost twice the
        // reading (the same for last_error below and the task's clock).
        var failures = SyncPowerState(node, node.PowerSyncFailures);
        if (failures == node.PowerSyncFailures)
        {
            return;
        }

        node.PowerSyncFailures = failures;
        if (failures > 0)
        {
            powerSyncFailing.Add(slot);
        }
        else
        {
            powerSyncFailing.Remove(slot);
        }
    }

    /// <summary>Ironic's <c>do_sync_power_state</c> for one node; returns the new failure count.</summary>
    private int SyncPowerState(Node node, int count)
    {
        TaskOf(node).Begin();
        count++;
        var maxRetries = Options.PowerStateSyncMaxRetries;
        PowerState? actual;
        try
        {
            actual = node.Hardware.Power.GetPowerState(TaskOf(node));
            if (actual == PowerState.Error)
            {
                throw new PowerStateFailureException("error state returned by the power driver while syncing");
            }
        }
        catch (IronicException error)
        {
            if (count > maxRetries)
            {
                PowerSyncGaveUp(node, null, error.Message);
            }

            return count;
        }

        if (node.PowerState == actual)
        {
            // Master records a healthy sync in the node's history, which clears last_error.
            if (Release == IronicRelease.Master && Options.NodeHistory && actual is not null && node.LastError is not null)
            {
                node.LastError = null;
            }

            return 0;
        }

        if (node.PowerState is null)
        {
            node.PowerState = actual;
            return 0;
        }

        if (count > maxRetries)
        {
            PowerSyncGaveUp(node, actual, null);
            return count;
        }

        if (Options.ForcePowerStateDuringSync && !node.DisablePowerOff)
        {
            NodePowerAction(node, node.PowerState.Value);
        }
        else
        {
            node.PowerState = actual;
        }

        return count;
    }

    /// <summary>Ironic's <c>handle_sync_power_state_max_retries_exceeded</c>.</summary>
    private void PowerSyncGaveUp(Node node, PowerState? actual, string? error)
    {
        var actualName = actual is { } a ? a.ToIronicName() : "None";
        var message =
            $"During sync_power_state, max retries exceeded for node {node.Uuid}, node state {actualName} " +
            $"does not match expected state '{node.PowerState?.ToIronicName() ?? "None"}'. Updating DB state to '{actualName}' " +
            "Switching node to maintenance mode." + (error is null ? string.Empty : $" Error: {error}");
        // Master would leave an existing maintenance alone where 21.4 overwrites it, but sync
        // never looks at a node in maintenance here: there is no other thread to race with.
        node.PowerState = actual;
        RecordHistory(node, message, "monitoring");
        SetMaintenanceFlag(node, true);
        node.MaintenanceReason = message;
        node.Fault = NodeFault.PowerFailure;
        powerFailed.Add(node.Index);
    }

    /// <summary>
    /// Ironic's <c>_power_failure_recovery</c>: a node in maintenance for <c>power failure</c>
    /// whose BMC answers again gets its power state, and leaves maintenance.
    /// </summary>
    private void RecoverPowerFailures()
    {
        powerFailed.RemoveWhere(slot => nodes[slot] is not { Fault: NodeFault.PowerFailure });
        foreach (var node in powerFailed.Select(slot => nodes[slot]!))
        {
            if (node.ProvisionState == ProvisionState.Enroll || !node.Maintenance || node.Fault != NodeFault.PowerFailure
                || node.TargetPowerState is not null || node.Reservation is not null)
            {
                continue;
            }

            PowerState? actual;
            TaskOf(node).Begin();
            try
            {
                node.Hardware.Power.Validate(TaskOf(node));
                actual = node.Hardware.Power.GetPowerState(TaskOf(node));
                if (actual == PowerState.Error)
                {
                    continue;
                }
            }
            catch (IronicException)
            {
                continue;
            }

            node.PowerState = actual;
            SetMaintenanceFlag(node, false);
            node.MaintenanceReason = null;
            node.Fault = null;
        }
    }
}
