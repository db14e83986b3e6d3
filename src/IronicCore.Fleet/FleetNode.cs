
namespace IronicCore.Fleet;

/// <summary>What a fleet knows about a node beyond Ironic's record: its tenant, its hidden hardware fault, its ticket.</summary>
internal sealed class FleetNode(int index, string uuid)
{
    public int Index { get; } = index;

    public string Uuid { get; } = uuid;

    /// <summary>The node's place on the hash ring (<see cref="HashRing.KeyOf"/>), hashed once: every request is routed by it.</summary>
    public UInt128 RingKey { get; } = HashRing.KeyOf(uuid);

    /// <summary>The node's hardware type, by its place among the fleet's types (0 in a fleet of one type).</summary>
    public byte Hardware { get; init; }

    /// <summary>Whether a tenant's instance is on the node (placed and not yet deleted).</summary>
    public bool HasInstance { get; set; }

    /// <summary>Bumped at each placement, so lease ends and reports of an earlier instance are ignored.</summary>
    public long Lease { get; set; }

    /// <summary>The hardware fault the machine has, if any.</summary>
    public HardwareFaultProfile? Fault { get; set; }

    /// <summary>Bumped whenever a fault clears, so a self-heal of an earlier fault is ignored.</summary>
    public long FaultGeneration { get; set; }

    /// <summary>When the node went out of service (virtual ticks), or -1 while in service.</summary>
    public long OutSince { get; set; } = -1;

    /// <summary>Whether the humans have a ticket open for it.</summary>
    public bool Ticket { get; set; }

    /// <summary>Whether the humans are already visiting it (a visit is scheduled).</summary>
    public bool Visiting { get; set; }
}
