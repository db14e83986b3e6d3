namespace IronicCore.Simulation;

/// <summary>
/// A set of small non-negative integers (node slots) with constant-time add, remove, membership
/// and pick by position (to draw one at random). It grows with the largest item added. The
/// order of items is not their numeric order: removing one moves the last into its place.
/// Nothing allocates once the set has grown to its working size. Not thread-safe.
/// </summary>
/// <param name="capacity">The largest item expected, plus one; the set grows past it when needed.</param>
public sealed class IndexSet(int capacity)
{
    private int[] items = new int[capacity];
    private int[] positions = NoPositions(capacity);

    /// <summary>How many items the set holds.</summary>
    public int Count { get; private set; }

    /// <summary>The item at <paramref name="position"/>, from 0 to <see cref="Count"/> - 1.</summary>
    /// <param name="position">The position.</param>
    public int this[int position] => items[position];

    /// <summary>Whether the set holds <paramref name="item"/>.</summary>
    /// <param name="item">A non-negative integer.</param>
    /// <returns>True if it does.</returns>
    public bool Contains(int item) => item < positions.Length && positions[item] >= 0;

    /// <summary>Adds <paramref name="item"/> at the end, unless the set holds it already.</summary>
    /// <param name="item">A non-negative integer.</param>
    public void Add(int item)
    {
        if (item >= positions.Length)
        {
            Grow(item + 1);
        }

        if (positions[item] >= 0)
        {
            return;
        }

        positions[item] = Count;
        items[Count++] = item;
    }

    /// <summary>Removes <paramref name="item"/>, if the set holds it; the last item takes its position.</summary>
    /// <param name="item">A non-negative integer.</param>
    public void Remove(int item)
    {
        if (!Contains(item))
        {
            return;
        }

        // The last item fills the hole, so the set stays dense.
        var position = positions[item];
        var last = items[--Count];
        items[position] = last;
        positions[last] = position;
        positions[item] = -1;
    }

    /// <summary>Adds the items to <paramref name="into"/> in numeric order, for callers whose results depend on order.</summary>
    /// <param name="into">The list to append to.</param>
    public void CopySorted(List<int> into)
    {
        var start = into.Count;
        into.AddRange(items.AsSpan(0, Count));
        into.Sort(start, Count, Comparer<int>.Default);
    }

    private static int[] NoPositions(int length)
    {
        var positions = new int[length];
        Array.Fill(positions, -1);
        return positions;
    }

    private void Grow(int least)
    {
        var length = Math.Max(least, Math.Max(16, positions.Length * 2));
        var grown = NoPositions(length);
        positions.CopyTo(grown, 0);
        positions = grown;
        Array.Resize(ref items, length);
    }
}
