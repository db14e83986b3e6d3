
namespace IronicCore.Api.Conductors;

/// <summary>
/// The conductor services the API reports: the simulation's one conductor, or a fleet's
/// several, each node belonging to one of them by Ironic's hash ring as in a fleet run. The
/// simulation still runs every node on one conductor object (as a fleet run does), so
/// <c>reservation</c> names that object's host. Immutable.
/// </summary>
internal sealed class ConductorHosts
{
    private readonly HashRing? ring;

    private ConductorHosts(IReadOnlyList<string> names, HashRing? ring)
    {
        Names = names;
        this.ring = ring;
    }

    /// <summary>The host names, in the order the conductors list shows them.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>One conductor, owning every node.</summary>
    public static ConductorHosts Single(string host) => new([host], ring: null);

    /// <summary>Several conductors (a fleet's), sharing the nodes through Ironic's hash ring.</summary>
    /// <param name="names">The host names, distinct.</param>
    /// <param name="hashPartitionExponent">Ironic's <c>[DEFAULT] hash_partition_exponent</c>.</param>
    public static ConductorHosts Ring(IReadOnlyList<string> names, int hashPartitionExponent) =>
        new(names, new HashRing(names.Select((name, i) => (i, name)), 1 << hashPartitionExponent));

    /// <summary>The conductor that manages the node with this UUID.</summary>
    public string HostOf(string nodeUuid) => ring is null ? Names[0] : Names[ring.HostOf(nodeUuid)];

    public bool Contains(string host) => Names.Contains(host, StringComparer.Ordinal);
}
