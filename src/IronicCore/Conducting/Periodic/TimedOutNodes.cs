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

        // One pass over the nodes in the state, keeping the oldest few by time and then slot (the
        // order of a pass over the slots): a fleet has many nodes waiting and few past their
        // timeout, and this runs every minute.
        var limit = context.Clock.GetUtcNow() - timeout;
        var max = context.Options.PeriodicMaxWorkers;
        var slots = table.SlotsIn(state);
        for (var i = 0; i < slots.Count; i++)
        {
            if (table[slots[i]] is not { } node || node.Reservation is not null || node.Maintenance
                || since(node) is not { } at || at >= limit)
            {
                continue;
            }

            var position = found.Count;
            while (position > 0 && Later(found[position - 1], since(found[position - 1])!.Value, node, at))
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

    private static bool Later(Node node, DateTimeOffset at, Node other, DateTimeOffset otherAt) =>
        at > otherAt || (at == otherAt && node.Index > other.Index);
}
