using System.Collections.Immutable;
using IronicCore.Api.Http;

namespace IronicCore.Api.Hosting;

/// <summary>
/// One column's published order: every slot's (value, slot) entry, sorted as Ironic's list sorts
/// (<see cref="SortOrder"/>), in a persistent balanced tree shared between versions. A version
/// costs the entries whose value changed (a removal and an insertion each, O(log N)); a page
/// finds the marker's place in O(log N) and reads the entries after it, O(log N) each.
/// </summary>
internal sealed class OrderIndex
{
    private static readonly IComparer<(object? Key, int Slot)> Ascending =
        Comparer<(object? Key, int Slot)>.Create(static (a, b) => new SortOrder(descending: false).Compare(a, b));

    public static readonly OrderIndex Empty = new(ImmutableSortedSet.Create(Ascending));

    private readonly ImmutableSortedSet<(object? Key, int Slot)> entries;

    private OrderIndex(ImmutableSortedSet<(object? Key, int Slot)> entries) => this.entries = entries;

    /// <summary>How many slots the order holds.</summary>
    public int Count => entries.Count;

    /// <summary>The slot at a place in ascending order.</summary>
    public int SlotAt(int index) => entries[index].Slot;

    /// <summary>The place of the first entry after <paramref name="marker"/> in the list's direction (-1 or <see cref="Count"/>: none).</summary>
    public int After((object? Key, int Slot) marker, bool descending)
    {
        var at = entries.IndexOf(marker);
        return at >= 0 ? at + (descending ? -1 : 1) : descending ? ~at - 1 : ~at;
    }

    /// <summary>A page in this order (both ways): the items after the marker's entry that match, read until the page is full.</summary>
    /// <param name="at">The item in a slot.</param>
    /// <param name="marker">The marker's entry, or null for the first page.</param>
    /// <param name="descending">Whether the order is <c>desc</c>.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="matches">The filters.</param>
    public List<T> Page<T>(Func<int, T?> at, (object? Key, int Slot)? marker, bool descending, int limit, Func<T, bool> matches)
        where T : class
    {
        var step = descending ? -1 : 1;
        var page = new List<T>(Math.Min(limit, 128));
        for (var index = marker is { } after ? After(after, descending) : descending ? Count - 1 : 0;
             index >= 0 && index < Count && page.Count < limit;
             index += step)
        {
            if (at(SlotAt(index)) is { } item && matches(item))
            {
                page.Add(item);
            }
        }

        return page;
    }

    /// <summary>The next version: each changed slot's entry <c>Removed</c> and <c>Added</c> (null: none).</summary>
    public OrderIndex With(List<((object? Key, int Slot)? Removed, (object? Key, int Slot)? Added)> moves)
    {
        if (moves.Count == 0)
        {
            return this;
        }

        if (entries.IsEmpty)
        {
            // The first version: the set sorts the entries once and builds the tree from the sorted list.
            return new OrderIndex(ImmutableSortedSet.CreateRange(Ascending, moves.Where(m => m.Added is not null).Select(m => m.Added!.Value)));
        }

        var next = entries.ToBuilder();
        foreach (var (removed, added) in moves)
        {
            if (removed is { } old)
            {
                next.Remove(old);
            }

            if (added is { } entry)
            {
                next.Add(entry);
            }
        }

        return new OrderIndex(next.ToImmutable());
    }
}
