using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting.Periodic;

/// <summary>
/// The scan the callback timeouts share (Ironic's <c>_fail_if_in_state</c>): the nodes in a
/// state, not reserved, not in maintenance, their clock older than the timeout; oldest first, at
/// most <c>[conductor] periodic_max_workers</c> per run.
/// </summary>
internal sealed class TimedOutNodes(ConductorContext context)
{
    private readonly List<Node> found = [];

    /// <summary>The nodes to fail; the list is reused by the next scan.</summary>
    public List<Node> Find(ProvisionState state, TimeSpan timeout, Func<Node, DateTimeOffset?> since)
    {
        found.Clear();
        var table = context.Nodes;
        if (table.CountIn(state) == 0)
        {
            return found;
        }

        // One pass keeping the oldest few, in order: a fleet has many nodes waiting and few
        // past their timeout, and this runs every minute.
        var limit = context.Clock.GetUtcNow() - timeout;
        var max = context.Options.PeriodicMaxWorkers;
        var states = table.States;
        for (var slot = 0; slot < states.Length; slot++)
        {
            if (states[slot] != state || table[slot] is not { } node || node.Reservation is not null || node.Maintenance
                || since(node) is not { } at || at >= limit)
            {
                continue;
            }

            var position = found.Count;
            while (position > 0 && since(found[position - 1])!.Value > at)
            {
                position--;
            }

            if (position < max)
            {
                found.Insert(position, node);
                if (found.Count > max)
                {
                    found.RemoveAt(found.Count - 1);
                }
            }
        }

        return found;
    }
}
