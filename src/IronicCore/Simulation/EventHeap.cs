namespace IronicCore.Simulation;

/// <summary>
/// A binary min-heap of <see cref="ScheduledEvent"/>s ordered by due time, then sequence number.
/// </summary>
/// <remarks>
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
            var parent = (index - 1) >> 1;
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
            var child = (index << 1) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && RunsBefore(items[child + 1], items[child]))
            {
                child++;
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
