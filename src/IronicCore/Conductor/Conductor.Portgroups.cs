using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore;

// Portgroups (/v1/portgroups): ports of one node bonded together.
public sealed partial class Conductor
{
    /// <summary>Every portgroup, in creation order, as snapshots.</summary>
    public ImmutableArray<PortgroupView> Portgroups => [.. Network.Portgroups.All.Select(p => p.ToView())];

    /// <summary>The portgroup with this database id, UUID or name (Ironic's <c>Portgroup.get</c>).</summary>
    /// <exception cref="PortgroupNotFoundException">No portgroup has it (404).</exception>
    public PortgroupView GetPortgroup(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        return Network.Portgroups.Get(ident).ToView();
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
        return Network.PortgroupCalls.Create(request, uuid ?? random.NewUuid().ToString()).ToView();
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
        return Network.PortgroupCalls.Update(Network.Portgroups.Get(ident), request).ToView();
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
        var portgroup = Network.Portgroups.Get(ident);
        Network.PortgroupCalls.UpdatePhysicalNetwork(portgroup, physicalNetwork);
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
        Network.PortgroupCalls.Destroy(Network.Portgroups.Get(ident));
    }
}
