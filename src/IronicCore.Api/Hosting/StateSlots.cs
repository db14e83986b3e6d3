using IronicCore.States;

namespace IronicCore.Api.Hosting;

/// <summary>
/// A published version's index of the slots in each provision state: one bit a slot, in chunks of
/// <see cref="PublishedNodes.ChunkSize"/> slots shared between versions until a node of theirs
/// changes state. A list filtered by a state that few nodes are in reads the words of its bits, 64
/// slots a word, instead of every slot's node.
/// </summary>
internal sealed class StateSlots
{
    private const int WordsPerChunk = PublishedNodes.ChunkSize / 64;

    public static readonly StateSlots Empty = new([.. Enum.GetValues<ProvisionState>().Select(_ => Array.Empty<ulong[]?>())]);

    // [state][chunk]: the chunk's bits, or null when no slot of the chunk is in the state.
    private readonly ulong[]?[][] bits;

    private StateSlots(ulong[]?[][] bits) => this.bits = bits;

    /// <summary>The next version: each slot's state moved from <c>Before</c> to <c>After</c> (null: no node).</summary>
    public StateSlots With(List<(ProvisionState? Before, ProvisionState? After, int Slot)> moves, int chunks)
    {
        if (moves.Count == 0 && bits[0].Length >= chunks)
        {
            return this;
        }

        var next = new ulong[]?[bits.Length][];
        for (var state = 0; state < bits.Length; state++)
        {
            next[state] = bits[state].Length >= chunks ? bits[state] : [.. bits[state], .. new ulong[]?[chunks - bits[state].Length]];
        }

        var copied = new HashSet<(int State, int Chunk)>();
        foreach (var (before, after, slot) in moves)
        {
            if (before is { } from)
            {
                Words(next, copied, (int)from, slot)[slot % PublishedNodes.ChunkSize / 64] &= ~(1UL << (slot % 64));
            }

            if (after is { } to)
            {
                Words(next, copied, (int)to, slot)[slot % PublishedNodes.ChunkSize / 64] |= 1UL << (slot % 64);
            }
        }

        return new StateSlots(next);
    }

    /// <summary>The first slot in <paramref name="state"/> from <paramref name="slot"/> on (backwards when <paramref name="step"/> is -1), or -1.</summary>
    public int Next(ProvisionState state, int slot, int step, int slots)
    {
        var chunks = bits[(int)state];
        while (slot >= 0 && slot < slots)
        {
            var chunk = slot / PublishedNodes.ChunkSize;
            if (chunk >= chunks.Length || chunks[chunk] is not { } words)
            {
                // No slot of this chunk is in the state: on to the next chunk's first (or previous chunk's last) slot.
                slot = step > 0 ? (chunk + 1) * PublishedNodes.ChunkSize : (chunk * PublishedNodes.ChunkSize) - 1;
                continue;
            }

            var word = words[slot % PublishedNodes.ChunkSize / 64];
            var bit = slot % 64;
            var rest = step > 0 ? word >> bit : word << (63 - bit);
            if (rest != 0)
            {
                var found = step > 0 ? slot + System.Numerics.BitOperations.TrailingZeroCount(rest) : slot - System.Numerics.BitOperations.LeadingZeroCount(rest);
                return found < slots ? found : -1;
            }

            slot = step > 0 ? slot - bit + 64 : slot - bit - 1;
        }

        return -1;
    }

    private static ulong[] Words(ulong[]?[][] next, HashSet<(int State, int Chunk)> copied, int state, int slot)
    {
        var chunk = slot / PublishedNodes.ChunkSize;
        if (copied.Add((state, chunk)))
        {
            // The state's list of chunks is the last version's until this version first changes one.
            if (copied.Add((state, -1)))
            {
                next[state] = (ulong[]?[])next[state].Clone();
            }

            next[state][chunk] = next[state][chunk] is { } shared ? (ulong[])shared.Clone() : new ulong[WordsPerChunk];
        }

        return next[state][chunk]!;
    }
}
