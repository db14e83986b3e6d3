using System.Numerics;

namespace IronicCore.Simulation;

/// <summary>
/// The clock's queue: a radix heap of <see cref="ScheduledEvent"/>s ordered by due time, then
/// sequence number. It relies on what the clock guarantees, that nothing is queued before the
/// last event taken out (the clock never goes back, and a later event has a higher sequence
/// number), and refuses an event that would break it.
/// </summary>
/// <remarks>
/// An event waits in the bucket of the highest bit in which its key (due time, then sequence
/// number, as one 128-bit number) differs from the last key taken out, so every key of a lower
/// bucket runs before every key of a higher one. Taking out the least key of the lowest bucket
/// makes it the last, and the rest of that bucket moves to lower buckets; an event moves down at
/// each move, a few times in all in practice. A comparison heap of 250,000 pending events reads
/// several random cache lines per event, each level of a sift waiting on the one above; here an
/// event is written at the end of its bucket and read back with the whole bucket, in order,
/// which the processor's prefetcher streams. Buckets are chains of small chunks of one shared
/// array, so the memory follows the number of events queued, not each bucket's largest size.
/// </remarks>
internal sealed class EventQueue
{
    // A key differing from the last in sequence bit b (due times equal) goes to bucket b + 1;
    // one differing in due-time bit b, to bucket 64 + b + 1. Keys are non-negative and above
    // the last (whose sequence starts at -1), so buckets 1 to 127 are used.
    private const int Buckets = 128;
    private const int ChunkSize = 8;
    private const int None = -1;

    private readonly int[] head = new int[Buckets];
    private readonly int[] tail = new int[Buckets];
    private readonly int[] tailCount = new int[Buckets];
    private ScheduledEvent[] store = [];
    private int[] nextChunk = [];
    private int freeChunk = None;
    private UInt128 nonEmpty;
    private long lastDue;
    private long lastSequence = -1;

    // Where the least event is, once found and until it is taken out; None when not known.
    private int least = None;
    private int leastBucket;

    public EventQueue()
    {
        Array.Fill(head, None);
        Array.Fill(tail, None);
        Reserve(0);
    }

    public int Count { get; private set; }

    /// <exception cref="InvalidOperationException">
    /// The event would not run after the last one taken out (an earlier due time, or the same
    /// with a sequence number not above its), or its sequence number is negative.
    /// </exception>
    public void Push(in ScheduledEvent item)
    {
        if (item.Sequence < 0 || item.DueTicks < lastDue || (item.DueTicks == lastDue && item.Sequence <= lastSequence))
        {
            throw new InvalidOperationException(
                $"An event due at {item.DueTicks} ticks with sequence number {item.Sequence} would not run after the last event taken out (due at {lastDue}, number {lastSequence}): the clock's queue only moves forward.");
        }

        Reserve(Count + 1);
        var bucket = BucketOf(item);
        var at = Append(bucket, item);
        Count++;

        // A lower bucket than the least event's was empty, and its keys all run first.
        if (least != None && (bucket < leastBucket || (bucket == leastBucket && RunsBefore(item, store[least]))))
        {
            least = at;
            leastBucket = bucket;
        }
    }

    /// <summary>The due time of the earliest event; the queue must not be empty.</summary>
    public long PeekDueTicks() => store[FindLeast()].DueTicks;

    /// <summary>Takes out the earliest event; the queue must not be empty.</summary>
    public ScheduledEvent Pop()
    {
        var taken = FindLeast();
        var bucket = leastBucket;
        var top = store[taken];
        lastDue = top.DueTicks;
        lastSequence = top.Sequence;
        least = None;
        Count--;

        // The rest of the bucket shares the bits above it with the new last key and differs
        // from it below, so each event moves to a lower bucket.
        var chunk = head[bucket];
        var lastChunk = tail[bucket];
        var lastCount = tailCount[bucket];
        head[bucket] = tail[bucket] = None;
        nonEmpty &= ~(UInt128.One << bucket);
        while (chunk != None)
        {
            var start = chunk * ChunkSize;
            var end = start + (chunk == lastChunk ? lastCount : ChunkSize);
            for (var i = start; i < end; i++)
            {
                if (i != taken)
                {
                    Append(BucketOf(store[i]), store[i]);
                }
            }

            // Clearing the chunk lets handlers no longer queued be collected.
            Array.Clear(store, start, ChunkSize);
            var next = nextChunk[chunk];
            nextChunk[chunk] = freeChunk;
            freeChunk = chunk;
            chunk = next;
        }

        return top;
    }

    /// <summary>Every queued event, in no particular order (a snapshot sorts them).</summary>
    public void CopyTo(List<ScheduledEvent> destination)
    {
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            for (var chunk = head[bucket]; chunk != None; chunk = nextChunk[chunk])
            {
                destination.AddRange(store.AsSpan(chunk * ChunkSize, chunk == tail[bucket] ? tailCount[bucket] : ChunkSize));
            }
        }
    }

    /// <summary>Empties the queue and forgets the last event taken out (a snapshot's queue replaces it).</summary>
    public void Clear()
    {
        Array.Clear(store);
        Array.Fill(head, None);
        Array.Fill(tail, None);
        freeChunk = None;
        for (var chunk = nextChunk.Length - 1; chunk >= 0; chunk--)
        {
            nextChunk[chunk] = freeChunk;
            freeChunk = chunk;
        }

        nonEmpty = UInt128.Zero;
        lastDue = 0;
        lastSequence = -1;
        least = None;
        Count = 0;
    }

    private static bool RunsBefore(in ScheduledEvent a, in ScheduledEvent b) =>
        a.DueTicks < b.DueTicks || (a.DueTicks == b.DueTicks && a.Sequence < b.Sequence);

    private int BucketOf(in ScheduledEvent item) =>
        item.DueTicks != lastDue
            ? 128 - BitOperations.LeadingZeroCount((ulong)(item.DueTicks ^ lastDue))
            : 64 - BitOperations.LeadingZeroCount((ulong)(item.Sequence ^ lastSequence));

    /// <summary>Where the earliest event is: the least of the lowest non-empty bucket.</summary>
    private int FindLeast()
    {
        if (least != None)
        {
            return least;
        }

        var bucket = (int)UInt128.TrailingZeroCount(nonEmpty);
        var found = head[bucket] * ChunkSize;
        for (var chunk = head[bucket]; chunk != None; chunk = nextChunk[chunk])
        {
            var start = chunk * ChunkSize;
            var end = start + (chunk == tail[bucket] ? tailCount[bucket] : ChunkSize);
            for (var i = start; i < end; i++)
            {
                if (RunsBefore(store[i], store[found]))
                {
                    found = i;
                }
            }
        }

        least = found;
        leastBucket = bucket;
        return found;
    }

    /// <summary>Adds the event at the end of the bucket's last chunk, or of a new one; returns where it went.</summary>
    private int Append(int bucket, in ScheduledEvent item)
    {
        var chunk = tail[bucket];
        if (chunk == None || tailCount[bucket] == ChunkSize)
        {
            var added = freeChunk;
            freeChunk = nextChunk[added];
            nextChunk[added] = None;
            if (chunk == None)
            {
                head[bucket] = added;
                nonEmpty |= UInt128.One << bucket;
            }
            else
            {
                nextChunk[chunk] = added;
            }

            tail[bucket] = chunk = added;
            tailCount[bucket] = 0;
        }

        var at = (chunk * ChunkSize) + tailCount[bucket]++;
        store[at] = item;
        return at;
    }

    /// <summary>
    /// Makes room for <paramref name="count"/> events however they spread over the buckets (every
    /// bucket may have a chunk partly filled, and a pop holds the chunk it is emptying while it
    /// fills others), so the chunks only grow with the most events queued.
    /// </summary>
    private void Reserve(int count)
    {
        var needed = ((count + ChunkSize - 1) / ChunkSize) + Buckets + 2;
        if (needed <= nextChunk.Length)
        {
            return;
        }

        var old = nextChunk.Length;
        var chunks = 2 * needed;
        Array.Resize(ref store, chunks * ChunkSize);
        Array.Resize(ref nextChunk, chunks);
        for (var chunk = chunks - 1; chunk >= old; chunk--)
        {
            nextChunk[chunk] = freeChunk;
            freeChunk = chunk;
        }
    }
}
