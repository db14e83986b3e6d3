using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's conductor calls on ports (<c>create_port</c>, <c>update_port</c>, <c>destroy_port</c>,
/// with <c>validate_port_physnet</c> and the network interface's checks), preceded by the
/// refusals Ironic's API makes on a port's portgroup, smart NIC link and physical network. Every
/// check comes before any change.
/// </summary>
internal sealed class PortOperations(ConductorContext context, PortRegistry ports, PortgroupRegistry portgroups, FlatNetwork network)
{
    /// <summary>The states in which a port's or portgroup's connectivity may change without maintenance.</summary>
    public static readonly ProvisionState[] ConnectivityStates = [ProvisionState.Enroll, ProvisionState.Inspecting, ProvisionState.InspectWait, ProvisionState.Manageable];

    private static readonly string[] ConnectivityFields = ["portgroup_uuid", "pxe_enabled", "local_link_connection", "physical_network"];

    public static string ConnectivityStateNames => string.Join(", ", ConnectivityStates.Select(s => s.ToIronicName()));

    /// <summary>
    /// Creates a port. Ironic's conductor takes a shared lock for it, so a reserved node does not
    /// stop it.
    /// </summary>
    public Port Create(PortRequest request, string uuid)
    {
        var node = context.Nodes.Find(request.Node);
        Portgroup? portgroup = null;
        if (request.PortgroupUuid is { Length: > 0 } portgroupUuid)
        {
            portgroup = portgroups.ByUuid(portgroupUuid) ?? throw new PortgroupNotFoundException(portgroupUuid);
            if (portgroup.NodeUuid != node.Uuid)
            {
                throw new InvalidException("Port can not be added to a portgroup belonging to a different node.");
            }
        }

        var port = new Port(uuid, node.Uuid, context.Clock.GetUtcNow());
        port.Store(request with { PortgroupUuid = portgroup?.Uuid }, node.Uuid);
        if (port.IsSmartnic && !FlatNetwork.FitsSmartNic(port.LocalLinkConnection))
        {
            throw new InvalidException("Smart NIC port must have port_id and hostname in local_link_connection");
        }

        if (port.PhysicalNetwork is { Length: 0 })
        {
            throw new InvalidException("A non-empty value is required when setting physical_network");
        }

        if (portgroup is { StandalonePortsSupported: false } && request.PxeEnabled == true)
        {
            throw new ConflictException(
                $"Port group {portgroup.Uuid} doesn't support standalone ports. This port cannot be created as a member of that portgroup as the port's 'pxe_enabled' field was set to True.");
        }

        CheckPhysicalNetwork(port, new HashSet<string>(StringComparer.Ordinal) { "portgroup_uuid", "physical_network" });
        ports.Add(port);
        return port;
    }

    /// <summary>
    /// Ironic's <c>update_port</c>: under the lock of the node the port will belong to, the state
    /// rules on what changes, the portgroup's physical network and standalone rule, then the
    /// unique name and MAC.
    /// </summary>
    /// <returns>The port, changed.</returns>
    public Port Update(Port port, PortRequest request)
    {
        var node = context.Nodes.Find(request.Node);
        var portgroup = request.PortgroupUuid is { Length: > 0 } portgroupUuid
            ? portgroups.ByUuid(portgroupUuid) ?? throw new PortgroupNotFoundException(portgroupUuid)
            : null;
        var updated = new Port(port.Uuid, node.Uuid, port.CreatedAt) { InternalInfo = port.InternalInfo };
        updated.Store(request with { PortgroupUuid = portgroup?.Uuid }, node.Uuid);
        var changed = Changed(port, updated);
        context.Tasks.EnsureUnlocked(node);
        if ((node.ProvisionState == ProvisionState.Active || node.InstanceUuid is not null) && changed.Contains("address") && !node.Maintenance)
        {
            throw new InvalidStateException($"Cannot update hardware address for port {updated.Uuid} as node {node.Uuid} is active or has instance UUID assigned");
        }

        if (ConnectivityFields.Any(changed.Contains) && !ConnectivityStates.Contains(node.ProvisionState) && !node.Maintenance)
        {
            throw new InvalidStateException(
                $"Port {updated.Uuid} can not have any connectivity attributes (portgroup_id, pxe_enabled, local_link_connection, physical_network) updated " +
                $"unless node {node.Uuid} is in a {ConnectivityStateNames} state or in maintenance mode. The current state is {node.ProvisionState.ToIronicName()}.");
        }

        CheckPhysicalNetwork(updated, changed);
        network.CheckPortChange(updated, changed);
        ports.CheckUnique(port, updated.Address, updated.Name);
        ports.Store(port, request with { PortgroupUuid = portgroup?.Uuid }, node.Uuid);
        if (changed.Count > 0)
        {
            port.UpdatedAt = context.Clock.GetUtcNow();
        }

        return port;
    }

    /// <summary>Ironic's <c>destroy_port</c>: under the node's lock; a port bound to a VIF only in maintenance.</summary>
    public void Destroy(Port port)
    {
        var node = context.Nodes.Find(port.NodeUuid);
        context.Tasks.EnsureUnlocked(node);
        if (FlatNetwork.VifOf(port.InternalInfo) is { } vif && !node.Maintenance)
        {
            throw new InvalidStateException($"Cannot delete the port {port.Uuid} as it is bound to VIF {vif} for use.");
        }

        ports.Remove(port);
    }

    /// <summary>
    /// Ironic's <c>validate_port_physnet</c>: a port joining a portgroup (or changing its physical
    /// network there) must share the other members' physical network, or the portgroup's when it has none.
    /// </summary>
    private void CheckPhysicalNetwork(Port port, HashSet<string> changed)
    {
        if (port.PortgroupUuid is not { } uuid || !(changed.Contains("portgroup_uuid") || changed.Contains("physical_network")))
        {
            return;
        }

        var portgroup = portgroups.ByUuid(uuid)!;
        var members = ports.InPortgroup(uuid).Where(p => p.Uuid != port.Uuid).ToList();
        if (members.Count == 0 && portgroup.PhysicalNetwork is null)
        {
            return;
        }

        var expected = members.Count > 0 ? members[0].PhysicalNetwork : portgroup.PhysicalNetwork;
        if (port.PhysicalNetwork != expected)
        {
            throw new ConflictException(
                $"Port with physical network {port.PhysicalNetwork ?? "None"} cannot become a member of port group {portgroup.Uuid} which has ports in physical network {expected ?? "None"}.");
        }
    }

    /// <summary>The fields whose value a change alters, by their API names (Ironic's <c>obj_what_changed</c>).</summary>
    private static HashSet<string> Changed(Port before, Port after)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        void Check(string field, bool same)
        {
            if (!same)
            {
                changed.Add(field);
            }
        }

        Check("node_uuid", before.NodeUuid == after.NodeUuid);
        Check("address", before.Address == after.Address);
        Check("pxe_enabled", before.PxeEnabled == after.PxeEnabled);
        Check("local_link_connection", JsonObjects.Same(before.LocalLinkConnection, after.LocalLinkConnection));
        Check("physical_network", before.PhysicalNetwork == after.PhysicalNetwork);
        Check("extra", JsonObjects.Same(before.Extra, after.Extra));
        Check("is_smartnic", before.IsSmartnic == after.IsSmartnic);
        Check("portgroup_uuid", before.PortgroupUuid == after.PortgroupUuid);
        Check("name", before.Name == after.Name);
        Check("description", before.Description == after.Description);
        Check("vendor", before.Vendor == after.Vendor);
        Check("category", before.Category == after.Category);
        Check("available_for_dynamic_portgroup", before.AvailableForDynamicPortgroup == after.AvailableForDynamicPortgroup);
        return changed;
    }
}
