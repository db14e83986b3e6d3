using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Network;
using IronicCore.Api.Portgroups;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Api.Ports;

/// <summary>
/// What Ironic's conductor checks when a port is created or changed (<c>create_port</c>,
/// <c>update_port</c>, <c>validate_port_physnet</c>, the flat network's <c>port_changed</c>).
/// </summary>
internal static class PortConductor
{
    /// <summary>The states in which a port's connectivity may change without maintenance.</summary>
    public static readonly ProvisionState[] ConnectivityStates = [ProvisionState.Enroll, ProvisionState.Inspecting, ProvisionState.InspectWait, ProvisionState.Manageable];

    private static readonly string[] ConnectivityFields = ["portgroup_uuid", "pxe_enabled", "local_link_connection", "physical_network"];

    public static string ConnectivityStateNames => string.Join(", ", ConnectivityStates.Select(s => s.ToIronicName()));

    /// <summary><c>update_port</c>'s checks, on the node the port will belong to, before anything is stored.</summary>
    /// <param name="simulation">The state.</param>
    /// <param name="updated">The port as it would be.</param>
    /// <param name="changed">The fields whose value changes.</param>
    /// <param name="node">The port's node after the change.</param>
    public static void CheckUpdate(SimulationState simulation, Port updated, IReadOnlySet<string> changed, NodeView node)
    {
        if ((node.ProvisionState == ProvisionState.Active || node.InstanceUuid is not null) && changed.Contains("address") && !node.Maintenance)
        {
            throw new ApiFault(409, $"Cannot update hardware address for port {updated.Uuid} as node {node.Uuid} is active or has instance UUID assigned");
        }

        if (ConnectivityFields.Any(changed.Contains) && !ConnectivityStates.Contains(node.ProvisionState) && !node.Maintenance)
        {
            throw new ApiFault(409,
                $"Port {updated.Uuid} can not have any connectivity attributes (portgroup_id, pxe_enabled, local_link_connection, physical_network) updated " +
                $"unless node {node.Uuid} is in a {ConnectivityStateNames} state or in maintenance mode. The current state is {node.ProvisionState.ToIronicName()}.");
        }

        CheckPhysicalNetwork(simulation, updated, changed);
        var portgroup = updated.PortgroupUuid is { } uuid ? simulation.Portgroups.ByUuid(uuid) : null;
        var vif = FlatNetwork.VifOf(updated.InternalInfo);
        if (portgroup is { StandalonePortsSupported: false } && (changed.Contains("pxe_enabled") || changed.Contains("portgroup_uuid") || vif is not null))
        {
            var reasons = new List<string>();
            if (updated.PxeEnabled)
            {
                reasons.Add("'pxe_enabled' was set to True");
            }

            if (vif is not null)
            {
                reasons.Add($"VIF {vif} is attached to the port");
            }

            if (reasons.Count > 0)
            {
                throw new ApiFault(409,
                    $"Port group {portgroup.Uuid} doesn't support standalone ports. This port {updated.Uuid} cannot be  a member of that port group because of: {string.Join(", ", reasons)}");
            }
        }
    }

    /// <summary>
    /// <c>validate_port_physnet</c>: a port joining a portgroup (or changing its physical network
    /// there) must share the other members' physical network, or the portgroup's when it has none.
    /// </summary>
    public static void CheckPhysicalNetwork(SimulationState simulation, Port port, IReadOnlySet<string> changed)
    {
        if (port.PortgroupUuid is not { } uuid || !(changed.Contains("portgroup_uuid") || changed.Contains("physical_network")))
        {
            return;
        }

        var portgroup = simulation.Portgroups.ByUuid(uuid)!;
        var members = simulation.Ports.InPortgroup(uuid).Where(p => p.Uuid != port.Uuid).ToList();
        if (members.Count == 0 && portgroup.PhysicalNetwork is null)
        {
            return;
        }

        var expected = members.Count > 0 ? members[0].PhysicalNetwork : portgroup.PhysicalNetwork;
        if (port.PhysicalNetwork != expected)
        {
            throw new ApiFault(409,
                $"Port with physical network {port.PhysicalNetwork ?? "None"} cannot become a member of port group {portgroup.Uuid} which has ports in physical network {expected ?? "None"}.");
        }
    }
}
