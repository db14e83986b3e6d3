namespace IronicCore.Simulation.Fleet;

/// <summary>A set of small integers with constant-time add, remove and pick by position (to draw one at random).</summary>
internal sealed class IndexSet(int capacity)
{
    private readonly int[] items = new int[capacity];
    private readonly int[] positions = Enumerable.Repeat(-1, capacity).ToArray();

    public int Count { get; private set; }

    public int this[int position] => items[position];

    public void Add(int item)
    {
        if (positions[item] >= 0)
        {
            return;
        }

        positions[item] = Count;
        items[Count++] = item;
    }

    public void Remove(int item)
    {
        var position = positions[item];
        if (position < 0)
        {
            return;
        }

        // The last item fills the hole, so the set stays dense.
        var last = items[--Count];
        items[position] = last;
        positions[last] = position;
        positions[item] = -1;
    }
}
