using System.Collections.Immutable;
using IronicCore.Conducting;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore;

// Ports (/v1/ports): each a network interface of a node, known by its MAC address.
public sealed partial class Conductor : INodeLocks
{
    private Networking? network;

    /// <summary>Every port, in creation order, as snapshots.</summary>
    public ImmutableArray<PortView> Ports => [.. Network.Ports.All.Select(p => p.ToView())];

    DateTimeOffset INodeLocks.Now => Clock.GetUtcNow();

    /// <summary>The ports and portgroups, made on first use (the constructor's fields cannot hand over <c>this</c>).</summary>
    private Networking Network => network ??= new Networking(this);

    /// <summary>The port with this UUID or name (Ironic's <c>Port.get</c>; a number, a database id, is never found).</summary>
    /// <exception cref="PortNotFoundException">No port has it (404).</exception>
    public PortView GetPort(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        return Network.Ports.Get(ident).ToView();
    }

    /// <summary>The port with this MAC address (compared case-insensitively), or null.</summary>
    public PortView? FindPortByAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Network.Ports.ByAddress(address)?.ToView();
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
        return Network.PortCalls.Create(request, uuid ?? random.NewUuid().ToString()).ToView();
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
        return Network.PortCalls.Update(Network.Ports.Get(ident), request).ToView();
    }

    /// <summary>Deletes a port (<c>DELETE /v1/ports/{port}</c>) under its node's lock.</summary>
    /// <param name="ident">The port's UUID or name.</param>
    /// <exception cref="PortNotFoundException">No such port (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="InvalidStateException">A VIF is bound to it and the node is not in maintenance (409).</exception>
    public void DeletePort(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        Network.PortCalls.Destroy(Network.Ports.Get(ident));
    }

    Node INodeLocks.Find(string ident) => Find(ident);

    void INodeLocks.EnsureUnlocked(Node node) => EnsureUnlocked(node);
}
