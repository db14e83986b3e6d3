namespace IronicCore.Simulation;

/// <summary>
/// A 4-ary min-heap of <see cref="ScheduledEvent"/>s ordered by due time, then sequence number.
/// </summary>
/// <remarks>
/// Four children per node halve the depth of a binary heap and keep a node's children in
/// adjacent cache lines: with a million pending heartbeats the heap is far larger than the
/// cache, and the misses, not the comparisons, are what a pop costs.
/// The event carries its own ordering key, so each entry is stored once; a
/// <see cref="PriorityQueue{TElement, TPriority}"/> would store the key a second time beside it,
/// 16 more bytes per pending event in a fleet of a million nodes. Sequence numbers are unique,
/// so the order is total and the heap's instability never shows.
/// </remarks>
internal sealed class EventHeap
{
    private const int InitialCapacity = 64;

    private ScheduledEvent[] items = new ScheduledEvent[InitialCapacity];

    public int Count { get; private set; }

    public void Push(in ScheduledEvent item)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        var index = Count++;
        while (index > 0)
        {
            var parent = (index - 1) >> 2;
            if (!RunsBefore(item, items[parent]))
            {
                break;
            }

            items[index] = items[parent];
            index = parent;
        }

        items[index] = item;
    }

    /// <summary>The next event to run; only valid when <see cref="Count"/> is not zero.</summary>
    public ref readonly ScheduledEvent Peek() => ref items[0];

    /// <summary>Removes and returns the next event; only valid when <see cref="Count"/> is not zero.</summary>
    public ScheduledEvent Pop()
    {
        var top = items[0];
        var last = items[--Count];

        // Clearing the vacated slot lets handlers that are no longer queued be collected.
        items[Count] = default;
        if (Count > 0)
        {
            SiftDown(last);
        }

        return top;
    }

    private static bool RunsBefore(in ScheduledEvent a, in ScheduledEvent b) =>
        a.DueTicks < b.DueTicks || (a.DueTicks == b.DueTicks && a.Sequence < b.Sequence);

    private void SiftDown(in ScheduledEvent item)
    {
        var index = 0;
        while (true)
        {
            var first = (index << 2) + 1;
            if (first >= Count)
            {
                break;
            }

            var child = first;
            var end = Math.Min(first + 4, Count);
            for (var sibling = first + 1; sibling < end; sibling++)
            {
                if (RunsBefore(items[sibling], items[child]))
                {
                    child = sibling;
                }
            }

            if (!RunsBefore(items[child], item))
            {
                break;
            }

            items[index] = items[child];
            index = child;
        }

        items[index] = item;
    }
}
