namespace IronicCore.Api.Hosting;

/// <summary>
/// A published version of a collection the conductor keeps beside the nodes (ports,
/// portgroups): immutable, read by any thread off the conductor's loop. Items sit in slots in
/// creation order (Ironic's <c>id</c>), a deleted one's slot left empty, in chunks shared with
/// the last version; found by UUID and name with <see cref="SlotIndex"/>, by field values with
/// <see cref="ValueIndexes{T}"/>. A version costs the items that changed.
/// </summary>
/// <typeparam name="T">The item's view.</typeparam>
internal sealed class PublishedTable<T>
    where T : class
{
    private readonly T?[][] chunks;
    private readonly SlotIndex byUuid;
    private readonly SlotIndex byName;
    private readonly Func<T, string> uuidOf;
    private readonly Func<T, string?> nameOf;

    private PublishedTable(T?[][] chunks, int slots, SlotIndex byUuid, SlotIndex byName, ValueIndexes<T> indexes, Func<T, string> uuidOf, Func<T, string?> nameOf)
    {
        this.chunks = chunks;
        Slots = slots;
        this.byUuid = byUuid;
        this.byName = byName;
        Indexes = indexes;
        this.uuidOf = uuidOf;
        this.nameOf = nameOf;
    }

    /// <summary>How many slots exist, deleted items' included.</summary>
    public int Slots { get; }

    /// <summary>The slots holding each value of each indexed field.</summary>
    public ValueIndexes<T> Indexes { get; }

    /// <summary>The item in <paramref name="slot"/>, or null once deleted.</summary>
    public T? this[int slot] => chunks[slot / PublishedNodes.ChunkSize][slot % PublishedNodes.ChunkSize];

    /// <summary>A collection with no item.</summary>
    public static PublishedTable<T> Empty(Func<T, string> uuidOf, Func<T, string?> nameOf, IReadOnlyList<IndexedField<T>> fields) =>
        new([], 0, SlotIndex.Empty(StringComparer.OrdinalIgnoreCase), SlotIndex.Empty(StringComparer.Ordinal), new ValueIndexes<T>(fields), uuidOf, nameOf);

    /// <summary>The item with this UUID, or null.</summary>
    public T? WithUuid(string uuid) => byUuid.TryGetSlot(uuid, out var slot) ? this[slot] : null;

    /// <summary>The item with this name, or null.</summary>
    public T? WithName(string name) => byName.TryGetSlot(name, out var slot) ? this[slot] : null;

    /// <summary>The slot of an item of this version.</summary>
    public int SlotOf(T item) => byUuid.TryGetSlot(uuidOf(item), out var slot) ? slot : throw new KeyNotFoundException(uuidOf(item));

    /// <summary>
    /// The next version: each changed item by UUID, its view or null once deleted, the deleted
    /// first and the others in creation order (a UUID deleted and created again takes a new slot,
    /// as a new row takes a new <c>id</c>).
    /// </summary>
    public PublishedTable<T> With(List<(string Uuid, T? View)> changes)
    {
        if (changes.Count == 0)
        {
            return this;
        }

        var slots = Slots;
        var placed = new List<(string Uuid, T? View, int Slot)>(changes.Count);
        var deleted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (uuid, view) in changes)
        {
            if (view is null)
            {
                if (byUuid.TryGetSlot(uuid, out var slot))
                {
                    placed.Add((uuid, null, slot));
                    deleted.Add(uuid);
                }
            }
            else
            {
                placed.Add((uuid, view, !deleted.Contains(uuid) && byUuid.TryGetSlot(uuid, out var slot) ? slot : slots++));
            }
        }

        var next = SlotChunks.Next(chunks, slots);
        var copied = new bool[next.Length];
        var uuids = new List<(string? Before, string? After, int Slot)>();
        var names = new List<(string? Before, string? After, int Slot)>();
        var items = new List<(T? Before, T? After, int Slot)>();
        foreach (var (_, view, slot) in placed)
        {
            var before = SlotChunks.Set(next, copied, slot, view);
            Moved(uuids, before is null ? null : uuidOf(before), view is null ? null : uuidOf(view), slot);
            Moved(names, before is null ? null : nameOf(before), view is null ? null : nameOf(view), slot);
            items.Add((before, view, slot));
        }

        return new PublishedTable<T>(next, slots, byUuid.With(uuids), byName.With(names), Indexes.With(items), uuidOf, nameOf);
    }

    private static void Moved(List<(string? Before, string? After, int Slot)> moves, string? before, string? after, int slot)
    {
        if (before != after)
        {
            moves.Add((before, after, slot));
        }
    }
}
