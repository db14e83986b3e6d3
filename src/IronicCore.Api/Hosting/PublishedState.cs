using IronicCore.Nodes;

namespace IronicCore.Api.Hosting;

/// <summary>
/// What one batch of the conductor's work left, published together (<see cref="NodePublisher"/>)
/// so that an answer reading nodes and ports reads one moment: immutable, read by any thread.
/// </summary>
internal sealed record PublishedState(PublishedNodes Nodes, PublishedTable<PortView> Ports, PublishedTable<PortgroupView> Portgroups)
{
    /// <summary>The port fields a port list filters by: the node, the portgroup, the MAC address (compared without case).</summary>
    public static readonly IndexedField<PortView>[] PortFields =
    [
        new("node_uuid", p => p.NodeUuid),
        new("portgroup_uuid", p => p.PortgroupUuid?.ToLowerInvariant()),
        new("address", p => p.Address.ToLowerInvariant()),
    ];

    /// <summary>The portgroup fields a portgroup list or lookup filters by: the node, the MAC address (compared without case), the database id.</summary>
    public static readonly IndexedField<PortgroupView>[] PortgroupFields =
    [
        new("node_uuid", p => p.NodeUuid),
        new("address", p => p.Address?.ToLowerInvariant()),
        new("id", p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public static readonly PublishedState Empty = new(
        PublishedNodes.Empty,
        PublishedTable<PortView>.Empty(p => p.Uuid, p => p.Name, PortFields),
        PublishedTable<PortgroupView>.Empty(p => p.Uuid, p => p.Name, PortgroupFields));
}
