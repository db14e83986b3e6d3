using IronicCore.States;

namespace IronicCore.Simulation.Fleet;

/// <summary>
/// Counting the fleet every sample interval, and timing each node's time out of service: from
/// the first sample (or break-fix) that finds it in maintenance or a failed state to the first
/// that finds it serving again.
/// </summary>
public sealed partial class FleetSimulation
{
    private static readonly bool[] FailedStates = BuildFailedStates();

    private void Sample()
    {
        var now = Clock.GetUtcNow().UtcTicks;
        int available = 0, active = 0, maintenance = 0, failed = 0, cleaning = 0, open = 0;
        foreach (var node in fleet)
        {
            var record = conductor.NodeAt(node.Index)!;
            var state = record.ProvisionState;
            var isFailed = FailedStates[(int)state];
            available += state == ProvisionState.Available && !record.Maintenance ? 1 : 0;
            active += state == ProvisionState.Active ? 1 : 0;
            maintenance += record.Maintenance ? 1 : 0;
            failed += isFailed ? 1 : 0;
            cleaning += state is ProvisionState.Cleaning or ProvisionState.CleanWait ? 1 : 0;
            open += node.Ticket ? 1 : 0;
            if (record.Maintenance || isFailed)
            {
                if (node.OutSince < 0)
                {
                    node.OutSince = now;
                }
            }
            else if (node.OutSince >= 0 && state is ProvisionState.Available or ProvisionState.Active)
            {
                metrics.Repaired(now - node.OutSince);
                node.OutSince = -1;
            }
        }

        var elapsed = TimeSpan.FromTicks(now - start.UtcTicks);
        metrics.Add(new FleetSample(elapsed, available, active, maintenance, failed, cleaning, open), elapsed.Ticks % TimeSpan.TicksPerHour == 0);
    }

    private static bool[] BuildFailedStates()
    {
        var states = Enum.GetValues<ProvisionState>();
        var failed = new bool[states.Max(s => (int)s) + 1];
        foreach (var state in states)
        {
            failed[(int)state] = state == ProvisionState.Error || state.ToIronicName().EndsWith(" failed", StringComparison.Ordinal);
        }

        return failed;
    }
}
