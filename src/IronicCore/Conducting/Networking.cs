using IronicCore.Drivers;
using IronicCore.Nodes;

namespace IronicCore.Conducting;

/// <summary>
/// The conductor's ports and portgroups, the flat network interface over them, and Ironic's
/// calls on them: ports, portgroups, and a node's VIFs (<c>vif_list</c>, <c>vif_attach</c>,
/// <c>vif_detach</c>).
/// </summary>
internal sealed class Networking
{
    private readonly ConductorContext context;

    public Networking(ConductorContext context)
    {
        this.context = context;
        Flat = new FlatNetwork(Ports, Portgroups);
        PortCalls = new PortOperations(context, Ports, Portgroups, Flat);
        PortgroupCalls = new PortgroupOperations(context, Ports, Portgroups, Flat);
    }

    public PortRegistry Ports { get; } = new();

    public PortgroupRegistry Portgroups { get; } = new();

    public FlatNetwork Flat { get; }

    public PortOperations PortCalls { get; }

    public PortgroupOperations PortgroupCalls { get; }

    /// <summary>Ironic's <c>vif_list</c>, under a shared lock: the node's ports' VIFs first, then its portgroups'.</summary>
    public List<VifAttachment> ListVifs(Node node) => Flat.List(node.Uuid);

    /// <summary>Ironic's <c>vif_attach</c> under the node's lock.</summary>
    public VifAttachment AttachVif(Node node, string vif, string? portUuid, string? portgroupUuid)
    {
        context.Tasks.EnsureUnlocked(node);
        return Flat.Attach(node.Uuid, vif, portUuid, portgroupUuid, context.Clock.GetUtcNow());
    }

    /// <summary>Ironic's <c>vif_detach</c> under the node's lock.</summary>
    public void DetachVif(Node node, string vif)
    {
        context.Tasks.EnsureUnlocked(node);
        Flat.Detach(node.Uuid, vif, context.Clock.GetUtcNow());
    }

    /// <summary>Ironic's database deletes a node's ports and portgroups with it.</summary>
    public void RemoveNode(string nodeUuid)
    {
        Ports.RemoveNode(nodeUuid);
        Portgroups.RemoveNode(nodeUuid);
    }
}
