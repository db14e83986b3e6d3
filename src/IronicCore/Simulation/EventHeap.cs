namespace IronicCore.Simulation;

/// <summary>
/// A 4-ary min-heap of <see cref="ScheduledEvent"/>s ordered by due time, then sequence number.
/// </summary>
/// <remarks>
/// The heap sifts small keys (due time, sequence, slot: 24 bytes) and leaves each event's
/// payload still in a slot of its own: with a million pending heartbeats the heap is far
/// larger than the cache, and the misses of moving whole events, not the comparisons, are what
/// a pop costs. Four children per node halve the depth of a binary heap and keep a node's
/// children in adjacent cache lines. Sequence numbers are unique, so the order is total and
/// the heap's instability never shows.
/// </remarks>
internal sealed class EventHeap
{
    private const int InitialCapacity = 64;

    private Key[] keys = new Key[InitialCapacity];
    private ScheduledEvent[] slots = new ScheduledEvent[InitialCapacity];
    private int[] freeSlots = new int[InitialCapacity];
    private int freeCount;
    private int usedSlots;

    public int Count { get; private set; }

    public void Push(in ScheduledEvent item)
    {
        if (Count == keys.Length)
        {
            Array.Resize(ref keys, keys.Length * 2);
            Array.Resize(ref slots, slots.Length * 2);
            Array.Resize(ref freeSlots, freeSlots.Length * 2);
        }

        var slot = freeCount > 0 ? freeSlots[--freeCount] : usedSlots++;
        slots[slot] = item;
        var key = new Key(item.DueTicks, item.Sequence, slot);
        var index = Count++;
        while (index > 0)
        {
            var parent = (index - 1) >> 2;
            if (!RunsBefore(key, keys[parent]))
            {
                break;
            }

            keys[index] = keys[parent];
            index = parent;
        }

        keys[index] = key;
    }

    public ref readonly ScheduledEvent Peek() => ref slots[keys[0].Slot];

    public ScheduledEvent Pop()
    {
        var slot = keys[0].Slot;
        var top = slots[slot];

        // Clearing the vacated slot lets handlers that are no longer queued be collected.
        slots[slot] = default;
        freeSlots[freeCount++] = slot;
        var last = keys[--Count];
        if (Count > 0)
        {
            SiftDown(last);
            PrefetchNext();
        }

        return top;
    }

    /// <summary>Every queued event, in no particular order (a snapshot sorts them).</summary>
    public void CopyTo(List<ScheduledEvent> destination)
    {
        for (var i = 0; i < Count; i++)
        {
            destination.Add(slots[keys[i].Slot]);
        }
    }

    /// <summary>Empties the heap (a snapshot's queue replaces it).</summary>
    public void Clear()
    {
        Array.Clear(slots);
        Count = 0;
        freeCount = 0;
        usedSlots = 0;
    }

    /// <summary>
    /// Hints the slots of the next event and of the one most likely after it (the earliest of the
    /// root's children; a handler may still queue an earlier one): a slot is a random line of a
    /// table as large as the most events ever pending, out of cache when a million are.
    /// </summary>
    private void PrefetchNext()
    {
        CacheLines.Prefetch(ref slots[keys[0].Slot]);
        if (Count == 1)
        {
            return;
        }

        CacheLines.Prefetch(ref slots[keys[EarliestChild(1)].Slot]);
    }

    private static bool RunsBefore(in Key a, in Key b) =>
        a.DueTicks < b.DueTicks || (a.DueTicks == b.DueTicks && a.Sequence < b.Sequence);

    /// <summary>The earliest of the (up to four) siblings starting at <paramref name="first"/>, which must exist.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int EarliestChild(int first)
    {
        var earliest = first;
        var end = Math.Min(first + 4, Count);
        for (var sibling = first + 1; sibling < end; sibling++)
        {
            if (RunsBefore(keys[sibling], keys[earliest]))
            {
                earliest = sibling;
            }
        }

        return earliest;
    }

    private void SiftDown(in Key key)
    {
        var index = 0;
        while (true)
        {
            var first = (index << 2) + 1;
            if (first >= Count)
            {
                break;
            }

            var child = EarliestChild(first);
            if (!RunsBefore(keys[child], key))
            {
                break;
            }

            keys[index] = keys[child];
            index = child;
        }

        keys[index] = key;
    }

    /// <summary>What the heap orders by, and where the event waits.</summary>
    private readonly record struct Key(long DueTicks, long Sequence, int Slot);
}
