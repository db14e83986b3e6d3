using IronicCore.Drivers;
using IronicCore.Nodes;

namespace IronicCore.Conducting;

/// <summary>The conductor's ports and portgroups, the flat network interface over them, and Ironic's calls on them.</summary>
internal sealed class Networking
{
    public Networking(INodeLocks nodes)
    {
        Flat = new FlatNetwork(Ports, Portgroups);
        PortCalls = new PortOperations(nodes, Ports, Portgroups, Flat);
        PortgroupCalls = new PortgroupOperations(nodes, Ports, Portgroups, Flat);
    }

    public PortRegistry Ports { get; } = new();

    public PortgroupRegistry Portgroups { get; } = new();

    public FlatNetwork Flat { get; }

    public PortOperations PortCalls { get; }

    public PortgroupOperations PortgroupCalls { get; }

    /// <summary>Ironic's database deletes a node's ports and portgroups with it.</summary>
    public void RemoveNode(string nodeUuid)
    {
        Ports.RemoveNode(nodeUuid);
        Portgroups.RemoveNode(nodeUuid);
    }
}
