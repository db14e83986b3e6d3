using IronicCore.Api.Nodes;

namespace IronicCore.Api.Hosting;

/// <summary>
/// The nodes as the conductor had them after one batch of work, published by
/// <see cref="NodePublisher"/> for requests that only read: immutable, so any thread reads it
/// without the conductor's loop, and every node in it is one moment's state. Slots are the
/// conductor's (creation order, Ironic's <c>id</c> order), kept in fixed-size chunks so that the
/// next version copies only the chunks whose nodes changed.
/// </summary>
internal sealed class PublishedNodes
{
    /// <summary>Slots a chunk holds: a power of two.</summary>
    public const int ChunkSize = 256;

    public static readonly PublishedNodes Empty = new([], 0, SlotIndex.Empty(StringComparer.OrdinalIgnoreCase), SlotIndex.Empty(StringComparer.Ordinal), new ValueIndexes<NodeSnapshot>(NodeIndexedFields.All), new OrderIndexes<NodeSnapshot>(NodeSortKeys.All));

    private readonly NodeSnapshot?[][] chunks;
    private readonly SlotIndex byUuid;
    private readonly SlotIndex byName;

    public PublishedNodes(NodeSnapshot?[][] chunks, int slots, SlotIndex byUuid, SlotIndex byName, ValueIndexes<NodeSnapshot> indexes, OrderIndexes<NodeSnapshot> orders)
    {
        Indexes = indexes;
        Orders = orders;
        this.chunks = chunks;
        Slots = slots;
        this.byUuid = byUuid;
        this.byName = byName;
    }

    /// <summary>The slots holding each value of each field a list filters by (<see cref="NodeIndexedFields"/>).</summary>
    public ValueIndexes<NodeSnapshot> Indexes { get; }

    /// <summary>The nodes in the order of each sort column (<see cref="NodeSortKeys"/>).</summary>
    public OrderIndexes<NodeSnapshot> Orders { get; }

    /// <summary>How many slots exist, deleted nodes' included.</summary>
    public int Slots { get; }

    internal NodeSnapshot?[][] Chunks => chunks;

    internal SlotIndex ByUuid => byUuid;

    internal SlotIndex ByName => byName;

    /// <summary>The node in <paramref name="slot"/>, or null once deleted.</summary>
    public NodeSnapshot? this[int slot] => chunks[slot / ChunkSize][slot % ChunkSize];

    /// <summary>The node with this UUID, or null.</summary>
    public NodeSnapshot? WithUuid(string uuid) => byUuid.TryGetSlot(uuid, out var slot) ? this[slot] : null;

    /// <summary>The node with this UUID or name (the conductor's lookup), or null.</summary>
    public NodeSnapshot? Find(string ident) =>
        WithUuid(ident) ?? (byName.TryGetSlot(ident, out var slot) ? this[slot] : null);

    /// <summary>The slot of a node of this version.</summary>
    public int SlotOf(NodeSnapshot node) => byUuid.TryGetSlot(node.View.Uuid, out var slot) ? slot : throw new KeyNotFoundException(node.View.Uuid);
}
