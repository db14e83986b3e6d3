using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore;

// Ports (/v1/ports), each a network interface of a node known by its MAC address; portgroups
// (/v1/portgroups), ports of one node bonded together; a node's VIFs (/v1/nodes/{node}/vifs)
// through the flat network interface.
public sealed partial class Conductor
{
    /// <summary>Every port, in creation order, as snapshots.</summary>
    public ImmutableArray<PortView> Ports => [.. context.Network.Ports.All.Select(p => p.ToView())];

    /// <summary>Every portgroup, in creation order, as snapshots.</summary>
    public ImmutableArray<PortgroupView> Portgroups => [.. context.Network.Portgroups.All.Select(p => p.ToView())];

    /// <summary>The port with this UUID or name (Ironic's <c>Port.get</c>; a number, a database id, is never found).</summary>
    /// <exception cref="PortNotFoundException">No port has it (404).</exception>
    public PortView GetPort(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        return context.Network.Ports.Get(ident).ToView();
    }

    /// <summary>The port with this MAC address (compared case-insensitively), or null.</summary>
    public PortView? FindPortByAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return context.Network.Ports.ByAddress(address)?.ToView();
    }

    /// <summary>
    /// Creates a port (<c>POST /v1/ports</c>) with the refusals of Ironic's API and conductor. The
    /// conductor takes only a shared lock for it, so a node another task holds does not stop it.
    /// </summary>
    /// <param name="request">The port.</param>
    /// <param name="uuid">Its UUID; null draws one from the simulation's seeded randomness.</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="PortgroupNotFoundException">No such portgroup (404; Ironic's API answers 400).</exception>
    /// <exception cref="InvalidException">
    /// The portgroup is another node's, a smart NIC lacks <c>port_id</c> or <c>hostname</c> in its
    /// local link connection, or the physical network is empty (400).
    /// </exception>
    /// <exception cref="ConflictException">
    /// A PXE-enabled member of a portgroup without standalone ports, or a member on another
    /// physical network than the portgroup's ports (409).
    /// </exception>
    /// <exception cref="MacAlreadyExistsException">The MAC address is taken (409).</exception>
    /// <exception cref="PortAlreadyExistsException">The UUID or the name is taken (409).</exception>
    public PortView CreatePort(PortRequest request, string? uuid = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return context.Network.PortCalls.Create(request, uuid ?? context.Random.NewUuid().ToString()).ToView();
    }

    /// <summary>
    /// Stores a port's changed fields (<c>PATCH /v1/ports/{port}</c> once the API has applied the
    /// patch), as Ironic's <c>update_port</c> does: under the lock of the node it will belong to.
    /// </summary>
    /// <param name="ident">The port's UUID or name.</param>
    /// <param name="request">The whole wanted port: start from <see cref="PortRequest.From(PortView)"/>.</param>
    /// <exception cref="PortNotFoundException">No such port (404).</exception>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="PortgroupNotFoundException">No such portgroup (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="InvalidStateException">
    /// A new address for an active node or one with an instance, or new connectivity fields outside
    /// <c>enroll</c>, <c>inspecting</c>, <c>inspect wait</c> and <c>manageable</c>, unless in maintenance (409).
    /// </exception>
    /// <exception cref="ConflictException">The portgroup's physical network or its lack of standalone ports forbids it (409).</exception>
    /// <exception cref="PortDuplicateNameException">The name is taken (409).</exception>
    /// <exception cref="MacAlreadyExistsException">The MAC address is taken (409).</exception>
    public PortView UpdatePort(string ident, PortRequest request)
    {
        ArgumentNullException.ThrowIfNull(ident);
        ArgumentNullException.ThrowIfNull(request);
        return context.Network.PortCalls.Update(context.Network.Ports.Get(ident), request).ToView();
    }

    /// <summary>Deletes a port (<c>DELETE /v1/ports/{port}</c>) under its node's lock.</summary>
    /// <param name="ident">The port's UUID or name.</param>
    /// <exception cref="PortNotFoundException">No such port (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="InvalidStateException">A VIF is bound to it and the node is not in maintenance (409).</exception>
    public void DeletePort(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        context.Network.PortCalls.Destroy(context.Network.Ports.Get(ident));
    }

    /// <summary>The portgroup with this database id, UUID or name (Ironic's <c>Portgroup.get</c>).</summary>
    /// <exception cref="PortgroupNotFoundException">No portgroup has it (404).</exception>
    public PortgroupView GetPortgroup(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        return context.Network.Portgroups.Get(ident).ToView();
    }

    /// <summary>
    /// Creates a portgroup (<c>POST /v1/portgroups</c>). Ironic's API stores it without the
    /// conductor, so a node another task holds does not stop it.
    /// </summary>
    /// <param name="request">The portgroup.</param>
    /// <param name="uuid">Its UUID; null draws one from the simulation's seeded randomness.</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="PortgroupDuplicateNameException">The name is taken (409).</exception>
    /// <exception cref="PortgroupMacAlreadyExistsException">The MAC address is taken (409).</exception>
    /// <exception cref="PortgroupAlreadyExistsException">The UUID is taken (409).</exception>
    public PortgroupView CreatePortgroup(PortgroupRequest request, string? uuid = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return context.Network.PortgroupCalls.Create(request, uuid ?? context.Random.NewUuid().ToString()).ToView();
    }

    /// <summary>
    /// Stores a portgroup's changed fields (<c>PATCH /v1/portgroups/{portgroup}</c> once the API
    /// has applied the patch), as Ironic's <c>update_portgroup</c> does: under the lock of the node
    /// it will belong to. Its ports keep their physical network: see <see cref="UpdatePortgroupPhysicalNetwork"/>.
    /// </summary>
    /// <param name="ident">The portgroup's database id, UUID or name.</param>
    /// <param name="request">The whole wanted portgroup: start from <see cref="PortgroupRequest.From(PortgroupView)"/>.</param>
    /// <exception cref="PortgroupNotFoundException">No such portgroup (404).</exception>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="InvalidStateException">A move to a node outside <c>enroll</c>, <c>inspecting</c>, <c>inspect wait</c> and <c>manageable</c>, unless in maintenance (409).</exception>
    /// <exception cref="PortgroupNotEmptyException">A move while ports are in it (400).</exception>
    /// <exception cref="ConflictException">Standalone ports turned off while a member boots by PXE or holds a VIF (409).</exception>
    /// <exception cref="PortgroupDuplicateNameException">The name is taken (409).</exception>
    /// <exception cref="PortgroupMacAlreadyExistsException">The MAC address is taken (409).</exception>
    public PortgroupView UpdatePortgroup(string ident, PortgroupRequest request)
    {
        ArgumentNullException.ThrowIfNull(ident);
        ArgumentNullException.ThrowIfNull(request);
        return context.Network.PortgroupCalls.Update(context.Network.Portgroups.Get(ident), request).ToView();
    }

    /// <summary>
    /// Gives a portgroup and every port in it a physical network (Ironic's
    /// <c>update_portgroup_physical_network</c>, which its API calls after a patch that touches
    /// <c>physical_network</c>), under the node's lock.
    /// </summary>
    /// <param name="ident">The portgroup's database id, UUID or name.</param>
    /// <param name="physicalNetwork">The physical network, or null.</param>
    /// <exception cref="PortgroupNotFoundException">No such portgroup (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    public PortgroupView UpdatePortgroupPhysicalNetwork(string ident, string? physicalNetwork)
    {
        ArgumentNullException.ThrowIfNull(ident);
        var portgroup = context.Network.Portgroups.Get(ident);
        context.Network.PortgroupCalls.UpdatePhysicalNetwork(portgroup, physicalNetwork);
        return portgroup.ToView();
    }

    /// <summary>Deletes a portgroup (<c>DELETE /v1/portgroups/{portgroup}</c>) under its node's lock.</summary>
    /// <param name="ident">The portgroup's database id, UUID or name.</param>
    /// <exception cref="PortgroupNotFoundException">No such portgroup (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="PortgroupNotEmptyException">Ports are in it (400).</exception>
    public void DeletePortgroup(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        context.Network.PortgroupCalls.Destroy(context.Network.Portgroups.Get(ident));
    }

    /// <summary>The VIFs attached to the node (Ironic's <c>vif_list</c>, under a shared lock): its ports' first, then its portgroups'.</summary>
    /// <param name="node">The node's UUID or name.</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    public ImmutableArray<VifAttachment> ListVifs(string node) => [.. context.Network.ListVifs(Find(node))];

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
        return context.Network.AttachVif(Find(node), vif, portUuid, portgroupUuid);
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
        context.Network.DetachVif(Find(node), vif);
    }
}
