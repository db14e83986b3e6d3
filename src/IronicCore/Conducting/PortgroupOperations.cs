using System.Globalization;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's calls on portgroups: creation (its API stores a portgroup itself, without the
/// conductor or its lock), the conductor's <c>update_portgroup</c>,
/// <c>update_portgroup_physical_network</c> and <c>destroy_portgroup</c>. Every check comes before any change.
/// </summary>
internal sealed class PortgroupOperations(ConductorContext context, PortRegistry ports, PortgroupRegistry portgroups, FlatNetwork network)
{
    public Portgroup Create(PortgroupRequest request, string uuid)
    {
        var node = context.Nodes.Find(request.Node);
        var portgroup = new Portgroup(portgroups.NextId(), uuid, node.Uuid, context.Clock.GetUtcNow());
        portgroup.Store(request, node.Uuid);
        portgroups.Add(portgroup);
        return portgroup;
    }

    /// <summary>
    /// Ironic's <c>update_portgroup</c>: under the lock of the node the portgroup will belong to,
    /// a move needs a state that allows it (or maintenance) and no member ports; turning standalone
    /// ports off needs members that neither boot by PXE nor hold a VIF; names and MACs stay unique.
    /// </summary>
    /// <returns>The portgroup, changed.</returns>
    public Portgroup Update(Portgroup portgroup, PortgroupRequest request)
    {
        var node = context.Nodes.Find(request.Node);
        var updated = new Portgroup(portgroup.Id, portgroup.Uuid, node.Uuid, portgroup.CreatedAt);
        updated.Store(request, node.Uuid);
        var changed = Changed(portgroup, updated);
        context.Tasks.EnsureUnlocked(node);
        if (changed.Contains("node_uuid"))
        {
            if (!PortOperations.ConnectivityStates.Contains(node.ProvisionState) && !node.Maintenance)
            {
                throw new InvalidStateException(
                    $"Portgroup {portgroup.Uuid} can not be associated to node {node.Uuid} unless the node is in a {PortOperations.ConnectivityStateNames} state " +
                    $"or in maintenance mode. Current state is '{node.ProvisionState.ToIronicName()}'.");
            }

            if (ports.InPortgroup(portgroup.Uuid).Any())
            {
                throw new PortgroupNotEmptyException(portgroup.Uuid, node.Uuid);
            }
        }

        if (changed.Contains("standalone_ports_supported") && !updated.StandalonePortsSupported)
        {
            network.CheckNoStandalonePorts(portgroup);
        }

        portgroups.CheckUnique(portgroup, updated.Address, updated.Name);
        portgroup.Store(request, node.Uuid);
        if (changed.Count > 0)
        {
            portgroup.UpdatedAt = context.Clock.GetUtcNow();
        }

        return portgroup;
    }

    /// <summary>Ironic's <c>update_portgroup_physical_network</c>: the portgroup and each of its ports get the physical network.</summary>
    public void UpdatePhysicalNetwork(Portgroup portgroup, string? physicalNetwork)
    {
        context.Tasks.EnsureUnlocked(context.Nodes.Find(portgroup.NodeUuid));
        if (portgroup.PhysicalNetwork != physicalNetwork)
        {
            portgroup.PhysicalNetwork = physicalNetwork;
            portgroup.UpdatedAt = context.Clock.GetUtcNow();
        }

        foreach (var port in ports.InPortgroup(portgroup.Uuid))
        {
            if (port.PhysicalNetwork != physicalNetwork)
            {
                port.PhysicalNetwork = physicalNetwork;
                port.UpdatedAt = context.Clock.GetUtcNow();
            }
        }
    }

    /// <summary>Ironic's <c>destroy_portgroup</c>: under the node's lock, and only once no port is in it.</summary>
    public void Destroy(Portgroup portgroup)
    {
        context.Tasks.EnsureUnlocked(context.Nodes.Find(portgroup.NodeUuid));
        if (ports.InPortgroup(portgroup.Uuid).Any())
        {
            // Ironic's database names the portgroup by its id here.
            throw new PortgroupNotEmptyException(portgroup.Id.ToString(CultureInfo.InvariantCulture));
        }

        portgroups.Remove(portgroup);
    }

    /// <summary>The fields whose value a change alters, by their API names (Ironic's <c>obj_what_changed</c>).</summary>
    private static HashSet<string> Changed(Portgroup before, Portgroup after)
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
        Check("name", before.Name == after.Name);
        Check("mode", before.Mode == after.Mode);
        Check("properties", JsonObjects.Same(before.Properties, after.Properties));
        Check("extra", JsonObjects.Same(before.Extra, after.Extra));
        Check("standalone_ports_supported", before.StandalonePortsSupported == after.StandalonePortsSupported);
        Check("physical_network", before.PhysicalNetwork == after.PhysicalNetwork);
        Check("category", before.Category == after.Category);
        return changed;
    }
}
