using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore;

// A node's VIFs (/v1/nodes/{node}/vifs) through the flat network interface.
public sealed partial class Conductor
{
    /// <summary>The VIFs attached to the node (Ironic's <c>vif_list</c>, under a shared lock): its ports' first, then its portgroups'.</summary>
    /// <param name="node">The node's UUID or name.</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    public ImmutableArray<VifAttachment> ListVifs(string node) => [.. Network.Flat.List(Find(node).Uuid)];

    /// <summary>
    /// Attaches a VIF to the node (Ironic's <c>vif_attach</c>) under its lock: to a free portgroup
    /// that has ports first, then a PXE-enabled port, then any port.
    /// </summary>
    /// <param name="node">The node's UUID or name.</param>
    /// <param name="vif">The VIF's id.</param>
    /// <param name="portUuid">The port to attach to (<c>port_uuid</c>); portgroups are then not considered.</param>
    /// <param name="portgroupUuid">The portgroup to attach to (<c>portgroup_uuid</c>); ports outside it are then not free.</param>
    /// <returns>Where the VIF went.</returns>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="VifAlreadyAttachedException">The VIF is attached to the node already (409).</exception>
    /// <exception cref="NoFreePhysicalPortsException">Nothing is free (400).</exception>
    public VifAttachment AttachVif(string node, string vif, string? portUuid = null, string? portgroupUuid = null)
    {
        ArgumentNullException.ThrowIfNull(vif);
        var target = Find(node);
        EnsureUnlocked(target);
        return Network.Flat.Attach(target.Uuid, vif, portUuid, portgroupUuid, Clock.GetUtcNow());
    }

    /// <summary>Detaches a VIF from the node (Ironic's <c>vif_detach</c>) under its lock.</summary>
    /// <param name="node">The node's UUID or name.</param>
    /// <param name="vif">The VIF's id.</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="VifNotAttachedException">None of the node's ports or portgroups holds it (400).</exception>
    public void DetachVif(string node, string vif)
    {
        ArgumentNullException.ThrowIfNull(vif);
        var target = Find(node);
        EnsureUnlocked(target);
        Network.Flat.Detach(target.Uuid, vif, Clock.GetUtcNow());
    }
}
