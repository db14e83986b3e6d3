namespace IronicCore.Api.Hosting;

/// <summary>
/// A published collection's value indexes, one a field (<see cref="ValueIndex"/>), moved together
/// from one version to the next: the cost is the changed items' fields, not the collection.
/// </summary>
/// <typeparam name="T">The published item.</typeparam>
internal sealed class ValueIndexes<T>
    where T : class
{
    private readonly IReadOnlyList<IndexedField<T>> fields;
    private readonly ValueIndex[] indexes;

    public ValueIndexes(IReadOnlyList<IndexedField<T>> fields)
        : this(fields, [.. fields.Select(_ => ValueIndex.Empty)])
    {
    }

    private ValueIndexes(IReadOnlyList<IndexedField<T>> fields, ValueIndex[] indexes)
    {
        this.fields = fields;
        this.indexes = indexes;
    }

    /// <summary>The slots whose item has <paramref name="value"/> in the field named <paramref name="field"/>.</summary>
    public SlotSet Of(string field, string value)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Name == field)
            {
                return indexes[i].Of(value);
            }
        }

        throw new ArgumentException($"{field} is not indexed.", nameof(field));
    }

    /// <summary>The next version: each changed slot's item went from <c>Before</c> to <c>After</c> (null: none).</summary>
    public ValueIndexes<T> With(List<(T? Before, T? After, int Slot)> changes)
    {
        if (changes.Count == 0)
        {
            return this;
        }

        var next = (ValueIndex[])indexes.Clone();
        var moves = new List<(string? Before, string? After, int Slot)>();
        for (var i = 0; i < fields.Count; i++)
        {
            var key = fields[i].Key;
            foreach (var (before, after, slot) in changes)
            {
                var from = before is null ? null : key(before);
                var to = after is null ? null : key(after);
                if (!string.Equals(from, to, StringComparison.Ordinal))
                {
                    moves.Add((from, to, slot));
                }
            }

            next[i] = indexes[i].With(moves);
            moves.Clear();
        }

        return new ValueIndexes<T>(fields, next);
    }
}
