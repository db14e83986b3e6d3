using System.Runtime.InteropServices;

namespace IronicCore.Simulation;

/// <summary>
/// A 4-ary min-heap of <see cref="ScheduledEvent"/>s ordered by due time, then sequence number.
/// </summary>
/// <remarks>
/// The heap sifts 16-byte keys (the due time, and one word holding the sequence number above the
/// event's slot) and leaves the rest of each event (handler, kind, subject, token: 24 bytes, the
/// due time and sequence being in its key) still in a slot of its own: with a million
/// pending heartbeats the heap is far larger than the cache, and the misses of reading keys, not
/// the comparisons, are what a pop costs. Four children per node halve the depth of a binary
/// heap, and the keys lie so that a node's four children fill one 64-byte cache line exactly:
/// each level of a sift reads one line. Sequence numbers are unique, so the order is total (the
/// slot below the sequence never decides) and the heap's instability never shows.
/// </remarks>
internal sealed class EventHeap
{
    /// <summary>The most events the heap holds at once (the slot's bits of a key's second word).</summary>
    public const int MaxCount = 1 << SlotBits;

    /// <summary>The largest sequence number a key can hold (the rest of the word).</summary>
    public const long MaxSequence = (long)(ulong.MaxValue >> SlotBits);

    private const int SlotBits = 26;
    private const int InitialCapacity = 64;
    private const int CacheLine = 64;

    private KeyArray keys = new(InitialCapacity);
    private Payload[] slots = new Payload[InitialCapacity];
    private int[] freeSlots = new int[InitialCapacity];
    private int freeCount;
    private int usedSlots;

    public int Count { get; private set; }

    /// <exception cref="InvalidOperationException">The heap holds <see cref="MaxCount"/> events, or the event's sequence number is above <see cref="MaxSequence"/>.</exception>
    public void Push(in ScheduledEvent item)
    {
        if ((ulong)item.Sequence > MaxSequence)
        {
            throw new InvalidOperationException(
                $"An event's sequence number {item.Sequence} is outside the clock's range (0 to {MaxSequence}): the clock has run out of sequence numbers.");
        }

        if (Count == slots.Length)
        {
            if (Count == MaxCount)
            {
                throw new InvalidOperationException($"The clock's queue holds {MaxCount} events, as many as it can.");
            }

            keys = keys.Grown(Count, slots.Length * 2);
            Array.Resize(ref slots, slots.Length * 2);
            Array.Resize(ref freeSlots, freeSlots.Length * 2);
        }

        var slot = freeCount > 0 ? freeSlots[--freeCount] : usedSlots++;
        slots[slot] = new Payload(item.Handler, item.Kind, item.Subject, item.Token);
        var key = new Key(item.DueTicks, ((ulong)item.Sequence << SlotBits) | (uint)slot);
        var heap = keys.Span;
        var index = Count++;
        while (index > 0)
        {
            var parent = (index - 1) >> 2;
            if (!RunsBefore(key, heap[parent]))
            {
                break;
            }

            heap[index] = heap[parent];
            index = parent;
        }

        heap[index] = key;
    }

    /// <summary>The due time of the earliest event, read from its key (the event's payload stays where it is).</summary>
    public long PeekDueTicks() => keys.Span[0].DueTicks;

    public ScheduledEvent Pop()
    {
        var heap = keys.Span;
        var root = heap[0];
        var top = slots[root.Slot].ToEvent(root);

        // Clearing the vacated slot lets handlers that are no longer queued be collected.
        slots[root.Slot] = default;
        freeSlots[freeCount++] = root.Slot;
        var last = heap[--Count];
        if (Count > 0)
        {
            SiftDown(heap, last);
        }

        return top;
    }

    /// <summary>Every queued event, in no particular order (a snapshot sorts them).</summary>
    public void CopyTo(List<ScheduledEvent> destination)
    {
        var heap = keys.Span;
        for (var i = 0; i < Count; i++)
        {
            destination.Add(slots[heap[i].Slot].ToEvent(heap[i]));
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

    private static bool RunsBefore(in Key a, in Key b) =>
        a.DueTicks < b.DueTicks || (a.DueTicks == b.DueTicks && a.Order < b.Order);

    private void SiftDown(Span<Key> heap, in Key key)
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
                if (RunsBefore(heap[sibling], heap[child]))
                {
                    child = sibling;
                }
            }

            if (!RunsBefore(heap[child], key))
            {
                break;
            }

            heap[index] = heap[child];
            index = child;
        }

        heap[index] = key;
    }

    /// <summary>What the heap orders by: the due time, then the sequence number, with the event's slot in the low bits.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Key(long DueTicks, ulong Order)
    {
        public int Slot => (int)(Order & (MaxCount - 1));

        public long Sequence => (long)(Order >> SlotBits);
    }

    /// <summary>What an event carries besides its key.</summary>
    private readonly record struct Payload(ISimulationEventHandler Handler, int Kind, int Subject, long Token)
    {
        public ScheduledEvent ToEvent(in Key key) =>
            new(Handler, Kind, Subject, Token) { DueTicks = key.DueTicks, Sequence = key.Sequence };
    }

    /// <summary>
    /// The keys, in an array that never moves (the pinned object heap), starting where the
    /// children of the root (keys 1 to 4), and so every node's four children, begin a cache line.
    /// </summary>
    private readonly struct KeyArray
    {
        private readonly long[] words;
        private readonly int origin;

        public KeyArray(int capacity)
        {
            // Two words a key, and up to a line's worth more to choose where key 1 falls.
            words = GC.AllocateArray<long>((2 * capacity) + (CacheLine / sizeof(long)), pinned: true);
            var handle = GCHandle.Alloc(words, GCHandleType.Pinned);
            try
            {
                var keyOne = handle.AddrOfPinnedObject() + (2 * sizeof(long));
                origin = (int)((CacheLine - (keyOne % CacheLine)) % CacheLine) / sizeof(long);
            }
            finally
            {
                handle.Free();
            }
        }

        public Span<Key> Span => MemoryMarshal.Cast<long, Key>(words.AsSpan(origin, words.Length - (CacheLine / sizeof(long))));

        /// <summary>A larger array holding the first <paramref name="count"/> keys of this one.</summary>
        public KeyArray Grown(int count, int capacity)
        {
            var grown = new KeyArray(capacity);
            Span[..count].CopyTo(grown.Span);
            return grown;
        }
    }
}
