namespace IronicCore.Api.Hosting;

/// <summary>
/// A published collection's orders, one a sortable column (<see cref="OrderIndex"/>), moved
/// together from one version to the next: the cost is the changed items' changed values.
/// </summary>
/// <typeparam name="T">The published item.</typeparam>
internal sealed class OrderIndexes<T>
    where T : class
{
    private readonly IReadOnlyList<OrderedField<T>> fields;
    private readonly OrderIndex[] orders;

    public OrderIndexes(IReadOnlyList<OrderedField<T>> fields)
        : this(fields, [.. fields.Select(_ => OrderIndex.Empty)])
    {
    }

    private OrderIndexes(IReadOnlyList<OrderedField<T>> fields, OrderIndex[] orders)
    {
        this.fields = fields;
        this.orders = orders;
    }

    /// <summary>The order of the column named <paramref name="field"/>, with its key, or null when the column is not kept in order.</summary>
    public (OrderIndex Order, Func<T, object?> Key)? Of(string field)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Name == field)
            {
                return (orders[i], fields[i].Key);
            }
        }

        return null;
    }

    /// <summary>The next version: each changed slot's item went from <c>Before</c> to <c>After</c> (null: none).</summary>
    public OrderIndexes<T> With(List<(T? Before, T? After, int Slot)> changes)
    {
        if (changes.Count == 0)
        {
            return this;
        }

        var next = (OrderIndex[])orders.Clone();
        var moves = new List<((object? Key, int Slot)? Removed, (object? Key, int Slot)? Added)>();
        for (var i = 0; i < fields.Count; i++)
        {
            var key = fields[i].Key;
            foreach (var (before, after, slot) in changes)
            {
                var from = before is null ? ((object? Key, int Slot)?)null : (key(before), slot);
                var to = after is null ? ((object? Key, int Slot)?)null : (key(after), slot);
                if (from is null || to is null || Http.SortOrder.CompareKeys(from.Value.Key, to.Value.Key) != 0)
                {
                    moves.Add((from, to));
                }
            }

            next[i] = orders[i].With(moves);
            moves.Clear();
        }

        return new OrderIndexes<T>(fields, next);
    }
}
