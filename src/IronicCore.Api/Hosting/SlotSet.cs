using System.Numerics;

namespace IronicCore.Api.Hosting;

/// <summary>
/// An immutable set of slots (the slots whose node has one value of one field), shared between
/// published versions until a slot of its own changes. A set of few slots is a sorted array; a
/// larger one is a bitmap in chunks of 4,096 slots, each copied only when a slot of its own
/// changes, a chunk with no slot left out. From any slot, either way, the next member costs a
/// binary search or the words between them, never the slots.
/// </summary>
internal sealed class SlotSet
{
    /// <summary>The most slots kept as a sorted array; a set grows into a bitmap beyond it, and shrinks back at half of it.</summary>
    internal const int FewMax = 128;

    private const int ChunkBits = 4096;
    private const int WordsPerChunk = ChunkBits / 64;

    public static readonly SlotSet None = new([], null, 0);

    private readonly int[]? few;
    private readonly ulong[]?[]? chunks;

    private SlotSet(int[]? few, ulong[]?[]? chunks, int count)
    {
        this.few = few;
        this.chunks = chunks;
        Count = count;
    }

    /// <summary>How many slots the set holds.</summary>
    public int Count { get; }

    /// <summary>Whether <paramref name="slot"/> is in the set.</summary>
    public bool Contains(int slot) => few is not null
        ? Array.BinarySearch(few, slot) >= 0
        : slot / ChunkBits < chunks!.Length && chunks[slot / ChunkBits] is { } words && (words[slot % ChunkBits / 64] & (1UL << (slot % 64))) != 0;

    /// <summary>The first member from <paramref name="slot"/> on (backwards when <paramref name="step"/> is -1), or -1.</summary>
    public int Next(int slot, int step)
    {
        if (slot < 0)
        {
            return -1;
        }

        if (few is not null)
        {
            var at = Array.BinarySearch(few, slot);
            if (at >= 0)
            {
                return slot;
            }

            // ~at is the first member above the slot.
            at = step > 0 ? ~at : ~at - 1;
            return at >= 0 && at < few.Length ? few[at] : -1;
        }

        while (slot >= 0)
        {
            var chunk = slot / ChunkBits;
            if (chunk >= chunks!.Length)
            {
                if (step > 0)
                {
                    return -1;
                }

                slot = (chunks.Length * ChunkBits) - 1;
                continue;
            }

            if (chunks[chunk] is not { } words)
            {
                // No member in this chunk: on to the next chunk's first (or previous chunk's last) slot.
                slot = step > 0 ? (chunk + 1) * ChunkBits : (chunk * ChunkBits) - 1;
                continue;
            }

            var bit = slot % 64;
            var word = words[slot % ChunkBits / 64];
            var rest = step > 0 ? word >> bit : word << (63 - bit);
            if (rest != 0)
            {
                return step > 0 ? slot + BitOperations.TrailingZeroCount(rest) : slot - BitOperations.LeadingZeroCount(rest);
            }

            slot = step > 0 ? slot - bit + 64 : slot - bit - 1;
        }

        return -1;
    }

    /// <summary>The next version: <paramref name="added"/> slots in, <paramref name="removed"/> slots out.</summary>
    public SlotSet With(List<int> added, List<int> removed)
    {
        if (few is not null && Count - removed.Count + added.Count <= FewMax)
        {
            var next = new List<int>(few);
            foreach (var slot in removed)
            {
                if (next.BinarySearch(slot) is var at and >= 0)
                {
                    next.RemoveAt(at);
                }
            }

            foreach (var slot in added)
            {
                if (next.BinarySearch(slot) is var at and < 0)
                {
                    next.Insert(~at, slot);
                }
            }

            return next.Count == 0 ? None : new SlotSet([.. next], null, next.Count);
        }

        var highest = Math.Max(added.Count == 0 ? 0 : added.Max(), few is { Length: > 0 } ? few[^1] : 0);
        var words = few is null ? (ulong[]?[])chunks!.Clone() : [];
        if (highest / ChunkBits >= words.Length)
        {
            Array.Resize(ref words, (highest / ChunkBits) + 1);
        }

        // A set of few slots grows into a bitmap: its slots first.
        var count = few is null ? Count : 0;
        var copied = new bool[words.Length];
        foreach (var slot in few ?? [])
        {
            count += Set(words, copied, slot, true) ? 0 : 1;
        }

        foreach (var slot in removed)
        {
            count -= Set(words, copied, slot, false) ? 1 : 0;
        }

        foreach (var slot in added)
        {
            count += Set(words, copied, slot, true) ? 0 : 1;
        }

        return count > FewMax / 2 ? new SlotSet(null, words, count) : Few(words, count);
    }

    /// <summary>Sets or clears a slot's bit (copying its chunk the first time this version touches it); whether the bit was set before.</summary>
    private static bool Set(ulong[]?[] words, bool[] copied, int slot, bool value)
    {
        var chunk = slot / ChunkBits;
        if (chunk >= words.Length || (words[chunk] is null && !value))
        {
            return false;
        }

        if (!copied[chunk])
        {
            words[chunk] = words[chunk] is { } shared ? (ulong[])shared.Clone() : new ulong[WordsPerChunk];
            copied[chunk] = true;
        }

        ref var word = ref words[chunk]![slot % ChunkBits / 64];
        var mask = 1UL << (slot % 64);
        var was = (word & mask) != 0;
        word = value ? word | mask : word & ~mask;
        return was;
    }

    private static SlotSet Few(ulong[]?[] words, int count)
    {
        if (count == 0)
        {
            return None;
        }

        var slots = new int[count];
        var at = 0;
        var bitmap = new SlotSet(null, words, count);
        for (var slot = bitmap.Next(0, 1); slot >= 0; slot = bitmap.Next(slot + 1, 1))
        {
            slots[at++] = slot;
        }

        return new SlotSet(slots, null, count);
    }
}
