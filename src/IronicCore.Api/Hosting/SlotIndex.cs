using System.Collections.Immutable;

namespace IronicCore.Api.Hosting;

/// <summary>
/// A published version's lookup from a key (a node's UUID or name) to its slot: immutable, so any
/// thread reads it. Most keys sit in a hash table that is never changed once built (one probe per
/// lookup at any fleet size); the keys changed since it was built sit in a small persistent map
/// beside it, shared by the versions that follow, until they are folded into a new table once
/// they are many. So a version costs the keys that changed, and a lookup does not grow with the
/// fleet as a tree's does.
/// </summary>
internal sealed class SlotIndex
{
    // A key the recent changes took away from the table's answer.
    private const int Removed = -1;

    // The table is rebuilt once the changes beside it reach this many, or an eighth of its size.
    private const int MinFold = 1024;

    private readonly Dictionary<string, int> settled;
    private readonly ImmutableDictionary<string, int> recent;

    private SlotIndex(Dictionary<string, int> settled, ImmutableDictionary<string, int> recent)
    {
        this.settled = settled;
        this.recent = recent;
    }

    /// <summary>An index with no key, comparing keys with <paramref name="comparer"/>.</summary>
    public static SlotIndex Empty(StringComparer comparer) => new(new Dictionary<string, int>(comparer), ImmutableDictionary.Create<string, int>(comparer));

    /// <summary>The slot of <paramref name="key"/> in this version.</summary>
    public bool TryGetSlot(string key, out int slot)
    {
        if (!recent.IsEmpty && recent.TryGetValue(key, out slot))
        {
            return slot != Removed;
        }

        return settled.TryGetValue(key, out slot);
    }

    /// <summary>
    /// The next version: each slot's key moved from <c>Before</c> to <c>After</c> (null: none), in
    /// slot order. A key leaves only the slot that holds it, since another slot may have taken it in
    /// the same batch (a name given to another node, a UUID created again after a deletion).
    /// </summary>
    public SlotIndex With(List<(string? Before, string? After, int Slot)> moves)
    {
        if (moves.Count == 0)
        {
            return this;
        }

        var next = recent.ToBuilder();
        foreach (var (before, after, slot) in moves)
        {
            if (before is not null && Owner(next, before) == slot)
            {
                next[before] = Removed;
            }

            if (after is not null)
            {
                next[after] = slot;
            }
        }

        return next.Count < Math.Max(MinFold, settled.Count / 8) ? new SlotIndex(settled, next.ToImmutable()) : Fold(next);
    }

    private int Owner(ImmutableDictionary<string, int>.Builder next, string key) =>
        next.TryGetValue(key, out var slot) || settled.TryGetValue(key, out slot) ? slot : Removed;

    private SlotIndex Fold(ImmutableDictionary<string, int>.Builder changes)
    {
        var table = new Dictionary<string, int>(settled, settled.Comparer);
        foreach (var (key, slot) in changes)
        {
            if (slot == Removed)
            {
                table.Remove(key);
            }
            else
            {
                table[key] = slot;
            }
        }

        return new SlotIndex(table, recent.Clear());
    }
}
