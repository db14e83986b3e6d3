using IronicCore.Configuration;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting.Periodic;

/// <summary>
/// Ironic's <c>_sync_power_states</c>: read every eligible node's power state; count failures
/// per node, recently failing nodes first; past <c>power_state_sync_max_retries</c> the node goes
/// to maintenance with fault <c>power failure</c>. A mismatch is forced back to the recorded
/// state, or recorded. A successful read first caches the vendor and the boot mode (Ironic's
/// <c>node_cache_vendor</c> and <c>node_cache_boot_mode</c>, every release).
/// </summary>
internal sealed class PowerStateSync(ConductorContext context) : IPeriodicTask
{
    /// <summary>The states power sync leaves alone (Ironic's <c>SYNC_EXCLUDED_STATES</c>), by state number.</summary>
    private static readonly bool[] SyncExcluded = ProvisionStateFlags.Where(
        state => state is ProvisionState.WaitCallBack or ProvisionState.CleanWait or ProvisionState.Enroll or ProvisionState.AdoptFailed);

    private readonly List<int> first = [];

    public bool Enabled => Spacing > TimeSpan.Zero;

    public TimeSpan Spacing => context.Options.SyncPowerStateInterval;

    public void Run()
    {
        // Recently failing nodes first, most failures first, ties in slot order (Ironic's stable
        // sort of its node list), then the others in slot order. Only the failing few are sorted,
        // and the pass over the fleet reads the compact state and maintenance tables before it
        // touches a node: at 100,000 nodes every ten minutes, this pass was most of a fleet run.
        var table = context.Nodes;
        first.Clear();
        table.PowerSyncFailing.CopySorted(first);
        var firstBySlot = first.ToArray();
        first.Sort((a, b) =>
        {
            var byFailures = table[b]!.PowerSyncFailures.CompareTo(table[a]!.PowerSyncFailures);
            return byFailures != 0 ? byFailures : a.CompareTo(b);
        });
        foreach (var slot in first)
        {
            SyncIfEligible(slot);
        }

        // The slots whose sync is known to change nothing are passed over without reading them
        // (a byte each, searched a vector at a time): at 100,000 nodes reading every node's
        // record, task and machine cost more cache misses than all the fleet's events.
        var quiet = table.PowerSyncQuiet;
        var count = table.Count;
        var next = 0;
        for (var slot = quiet.NextClear(0, count); slot < count; slot = quiet.NextClear(slot + 1, count))
        {
            while (next < firstBySlot.Length && firstBySlot[next] < slot)
            {
                next++;
            }

            if (next < firstBySlot.Length && firstBySlot[next] == slot)
            {
                continue;
            }

            SyncIfEligible(slot);
        }
    }

    /// <summary>Syncs the node in <paramref name="slot"/> unless Ironic's sync skips it; the compact tables are read before the node.</summary>
    private void SyncIfEligible(int slot)
    {
        var table = context.Nodes;
        if (SyncExcluded[(int)table.StateAt(slot)] || table.MaintenanceSlots.Contains(slot) || table[slot] is not { } node
            || node.TargetPowerState is not null || node.Reservation is not null || (context.Profile.PowerSyncSkipsFirmwareUpdates && HasFirmwareUpdates(node)))
        {
            return;
        }

        // Written only when it changes: a pass that dirtied every node's memory cost twice the
        // reading (the same for last_error below and the task's clock).
        var failures = SyncPowerState(node, node.PowerSyncFailures);
        if (failures != node.PowerSyncFailures)
        {
            node.PowerSyncFailures = failures;
            if (failures > 0)
            {
                table.PowerSyncFailing.Add(slot);
            }
            else
            {
                table.PowerSyncFailing.Remove(slot);
            }
        }

        if (failures == 0 && ChangesNothing(node))
        {
            table.PowerSyncQuiet.Set(slot);
        }
    }

    /// <summary>Whether the node's firmware interface still records updates it started (only a type with one reads the task).</summary>
    private bool HasFirmwareUpdates(Node node) =>
        context.Nodes.DriverOf(node).Firmware is { } firmware && firmware.HasUpdates(context.Nodes.TaskOf(node));

    /// <summary>
    /// Whether the next sync of this node (just synced, no failures) would change nothing as long
    /// as none of what it reads changes: fake power reads the state recorded (echoed by a machine
    /// that keeps none of its own, or the machine's own, on, off, reachable and equal), so the read
    /// matches; last_error has nothing a sync could clear; the task has no time to reset. Each of
    /// those takes the slot out of <see cref="NodeTable.PowerSyncQuiet"/> when it changes.
    /// </summary>
    private bool ChangesNothing(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        var machine = task.Machine;
        return node.LastError is null && task.Driver.Power is FakePower && task.Elapsed == TimeSpan.Zero
            && (!machine.Tracked || (machine.Reachable && node.PowerState is { } recorded && machine.PowerState == recorded));
    }

    /// <summary>Ironic's <c>do_sync_power_state</c> for one node; returns the new failure count.</summary>
    private int SyncPowerState(Node node, int count)
    {
        var task = context.Nodes.TaskOf(node);
        task.Begin();
        count++;
        var options = context.Options;
        var maxRetries = options.PowerStateSyncMaxRetries;
        PowerState? actual;
        try
        {
            actual = task.Driver.Power.GetPowerState(task);
            if (actual == PowerState.Error)
            {
                throw PowerStateFailureException.WithMessage("Power driver returned ERROR state while trying to sync power state.");
            }
        }
        catch (IronicException error)
        {
            if (count > maxRetries)
            {
                GaveUp(node, null, error.Message);
            }

            return count;
        }

        ManagementCache.CacheVendor(node, task);
        ManagementCache.CacheBootMode(node, task);
        if (context.Profile.PowerSyncCachesHealth && options.EnableHealthMonitoring)
        {
            CacheHealth(node, task);
        }

        if (node.PowerState == actual)
        {
            if (actual is not null)
            {
                ClearLastErrorIfNeeded(node, options);
            }

            return 0;
        }

        if (node.PowerState is null)
        {
            // "no previous known state": the state found is recorded, and last_error cleared as for a match.
            node.PowerState = actual;
            ClearLastErrorIfNeeded(node, options);
            return 0;
        }

        if (count > maxRetries)
        {
            GaveUp(node, actual, null);
            return count;
        }

        if (options.ForcePowerStateDuringSync && !node.DisablePowerOff)
        {
            try
            {
                context.Power.NodePowerAction(node, node.PowerState.Value);
            }
            catch (IronicException)
            {
                // Ironic logs the failed attempt; the count of mismatches goes on.
            }
        }
        else
        {
            node.PowerState = actual;
        }

        return count;
    }

    /// <summary>
    /// Master's <c>node_cache_health</c>: the management interface's health, stored when it changed,
    /// with a history entry (not an error). An interface that reads none, or a BMC that fails the
    /// read, leaves the node's health as it was.
    /// </summary>
    private void CacheHealth(Node node, Drivers.DriverTask task)
    {
        NodeHealth? health;
        try
        {
            if (!task.Driver.Management.TryGetNodeHealth(task, out health))
            {
                return;
            }
        }
        catch (IronicException)
        {
            // Ironic logs the failure and goes on with the sync.
            return;
        }

        var old = node.Details.Health;
        if (health == old)
        {
            return;
        }

        node.Details = node.Details with { Health = health };
        context.History.Record(
            node,
            $"Node health status changed: health='{health?.ToIronicName() ?? "None"}' (previously '{old?.ToIronicName() ?? "None"}')",
            "monitoring",
            error: false);
    }

    /// <summary>
    /// Master's <c>_clear_last_error_if_needed</c> (<c>conductor/manager.py</c> <c>do_sync_power_state</c>):
    /// recording a healthy sync in the node's history clears last_error.
    /// </summary>
    private void ClearLastErrorIfNeeded(Node node, ConductorOptions options)
    {
        if (context.Profile.PowerSyncClearsLastError && options.NodeHistory)
        {
            node.LastError = null;
        }
    }

    /// <summary>Ironic's <c>handle_sync_power_state_max_retries_exceeded</c>.</summary>
    private void GaveUp(Node node, PowerState? actual, string? error)
    {
        var actualName = actual is { } a ? a.ToIronicName() : "None";
        var message =
            $"During sync_power_state, max retries exceeded for node {node.Uuid}, node state {actualName} " +
            $"does not match expected state '{node.PowerState?.ToIronicName() ?? "None"}'. Updating DB state to '{actualName}' " +
            "Switching node to maintenance mode." + (error is null ? string.Empty : $" Error: {error}");
        // Master would leave an existing maintenance alone where 21.4 overwrites it, but sync
        // never looks at a node in maintenance here: there is no other thread to race with.
        node.PowerState = actual;
        context.History.Record(node, message, "monitoring");
        context.Nodes.SetMaintenance(node, true);
        node.MaintenanceReason = message;
        node.Fault = NodeFault.PowerFailure;
        context.Nodes.PowerFailed.Add(node.Index);
    }
}
