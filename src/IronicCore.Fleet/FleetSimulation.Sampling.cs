using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Fleet;

// Counting the fleet every sample interval, and timing each node's time out of service: from the
// first sample (or break-fix) that finds it in maintenance or a failed state to the first that
// finds it serving again.
public sealed partial class FleetSimulation
{
    // By state number, so a transition is checked without comparing names.
    private static readonly bool[] FailedStates = FailedStateTable();

    // The nodes in a failed state, and those counted out of service (OutSince set): kept as
    // transitions and samples happen, so a sample reads the few out of service and the
    // conductor's counts instead of every node (100,000 of them every 15 minutes).
    private readonly IndexSet failedSlots;
    private readonly IndexSet outSlots;
    private int openTickets;

    private void Sample()
    {
        var now = Clock.GetUtcNow().UtcTicks;
        var availableInMaintenance = 0;
        for (var i = 0; i < conductor.MaintenanceCount; i++)
        {
            var slot = conductor.MaintenanceSlotAt(i);
            availableInMaintenance += conductor.StateAt(slot) == ProvisionState.Available ? 1 : 0;
            MarkOut(fleet[slot], now);
        }

        for (var i = 0; i < failedSlots.Count; i++)
        {
            MarkOut(fleet[failedSlots[i]], now);
        }

        // Backwards: a removal moves the last item, already seen, into the hole.
        for (var i = outSlots.Count - 1; i >= 0; i--)
        {
            var slot = outSlots[i];
            if (!conductor.InMaintenanceAt(slot) && !failedSlots.Contains(slot)
                && conductor.StateAt(slot) is ProvisionState.Available or ProvisionState.Active)
            {
                var node = fleet[slot];
                metrics.Repaired(now - node.OutSince);
                node.OutSince = -1;
                outSlots.Remove(slot);
            }
        }

        var elapsed = TimeSpan.FromTicks(now - start.UtcTicks);
        SampleHardware(elapsed.Ticks % TimeSpan.TicksPerHour == 0);
        SampleFaults(elapsed.Ticks % TimeSpan.TicksPerHour == 0);
        metrics.Add(
            new FleetSample(
                elapsed,
                conductor.CountInState(ProvisionState.Available) - availableInMaintenance,
                conductor.CountInState(ProvisionState.Active),
                conductor.MaintenanceCount,
                failedSlots.Count,
                conductor.CountInState(ProvisionState.Cleaning) + conductor.CountInState(ProvisionState.CleanWait),
                openTickets),
            elapsed.Ticks % TimeSpan.TicksPerHour == 0);
    }

    private static bool[] FailedStateTable()
    {
        var states = Enum.GetValues<ProvisionState>();
        var failed = new bool[states.Max(state => (int)state) + 1];
        foreach (var state in states)
        {
            failed[(int)state] = state == ProvisionState.Error || state.ToIronicName().EndsWith(" failed", StringComparison.Ordinal);
        }

        return failed;
    }

    /// <summary>The node is out of service from now, unless it already was.</summary>
    private void MarkOut(FleetNode node, long now)
    {
        if (node.OutSince < 0)
        {
            node.OutSince = now;
            outSlots.Add(node.Index);
        }
    }

    /// <summary>Keeps <see cref="failedSlots"/>; called for every transition of a fleet node.</summary>
    private void TrackFailed(FleetNode node, in TransitionRecord transition)
    {
        if (FailedStates[(int)transition.To])
        {
            failedSlots.Add(node.Index);
        }
        else if (FailedStates[(int)transition.From])
        {
            failedSlots.Remove(node.Index);
        }
    }
}
