using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Simulation;

namespace IronicCore.Resources;

/// <summary>
/// Every allocation, in creation order (Ironic's <c>id</c>), with the database's rules: names and
/// UUIDs unique, at most one allocation per node. UUIDs and the candidates' shuffle come from
/// streams of the table's own, so allocations leave node UUIDs as they were.
/// </summary>
internal sealed class AllocationTable(ulong seed)
{
    private readonly List<Allocation> allocations = [];
    private readonly Dictionary<string, Allocation> byNode = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where generated UUIDs and Ironic's <c>random.shuffle</c> of the candidates come from; saved in snapshots.</summary>
    public SeededRandom Random { get; } = new(SeededRandom.StreamSeed(seed, "allocations"));

    /// <summary>The last database id given; saved in snapshots.</summary>
    public int LastId { get; set; }

    public IReadOnlyList<Allocation> All => allocations;

    /// <summary>Ironic's API lookup: a UUID-like ident is a UUID, else it must be a logical name.</summary>
    /// <exception cref="AllocationNotFoundException">No allocation has it.</exception>
    /// <exception cref="InvalidUuidOrNameException">It is neither a UUID nor a logical name.</exception>
    public Allocation Get(string ident)
    {
        if (Guid.TryParse(ident, out _))
        {
            return ByUuid(ident) ?? throw new AllocationNotFoundException(ident);
        }

        return NodeNames.IsValid(ident)
            ? allocations.Find(a => a.Name == ident) ?? throw new AllocationNotFoundException(ident)
            : throw new InvalidUuidOrNameException(ident);
    }

    public Allocation? ByUuid(string uuid) => allocations.Find(a => string.Equals(a.Uuid, uuid, StringComparison.OrdinalIgnoreCase));

    public Allocation? OfNode(string nodeUuid) => byNode.GetValueOrDefault(nodeUuid);

    public bool HasName(string name, Allocation? except) => allocations.Exists(a => a != except && a.Name == name);

    public Allocation Add(string uuid, DateTimeOffset now)
    {
        var allocation = new Allocation(++LastId, uuid, now);
        allocations.Add(allocation);
        return allocation;
    }

    /// <summary>Points the allocation at a node (or none), keeping the one-per-node index.</summary>
    public void SetNode(Allocation allocation, string? nodeUuid)
    {
        if (allocation.NodeUuid is { } old)
        {
            byNode.Remove(old);
        }

        allocation.NodeUuid = nodeUuid;
        if (nodeUuid is not null)
        {
            byNode[nodeUuid] = allocation;
        }
    }

    public void Remove(Allocation allocation)
    {
        SetNode(allocation, null);
        allocations.Remove(allocation);
    }

    /// <summary>Adds an allocation read from a snapshot, as saved.</summary>
    public void Restore(Allocation allocation)
    {
        allocations.Add(allocation);
        if (allocation.NodeUuid is { } node)
        {
            byNode[node] = allocation;
        }
    }
}
