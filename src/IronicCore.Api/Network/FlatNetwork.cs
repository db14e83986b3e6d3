using IronicCore.Api.Errors;
using IronicCore.Api.Ports;

namespace IronicCore.Api.Network;

/// <summary>
/// The <c>flat</c> network interface's VIF handling (Ironic's <c>VIFPortIDMixin</c> and
/// <c>get_free_port_like_object</c>) against a Neutron that accepts every port update and whose
/// networks have no physical network segments: a VIF is attached to one free port of the node
/// (PXE-enabled ones first, then creation order), recorded in the port's <c>internal_info</c>
/// as <c>tenant_vif_port_id</c>. Portgroups are not simulated.
/// </summary>
internal static class FlatNetwork
{
    public const string TenantVifKey = "tenant_vif_port_id";

    /// <summary>The VIFs attached to the node's ports, in the ports' order.</summary>
    public static IEnumerable<string> List(PortRegistry ports, string nodeUuid) =>
        ports.All.Where(p => p.NodeUuid == nodeUuid).Select(Vif).OfType<string>();

    /// <summary>Attaches <paramref name="vif"/> to a free port of the node.</summary>
    /// <param name="ports">Every port.</param>
    /// <param name="nodeUuid">The node.</param>
    /// <param name="vif">The VIF's id.</param>
    /// <param name="portUuid">The port asked for (<c>port_uuid</c>), or null for any.</param>
    /// <param name="portgroupUuid">The portgroup asked for (<c>portgroup_uuid</c>): no port qualifies then.</param>
    /// <param name="now">When the port changes.</param>
    /// <exception cref="ApiFault">409 when the VIF is attached to the node already; 400 when no port is free.</exception>
    public static void Attach(PortRegistry ports, string nodeUuid, string vif, string? portUuid, string? portgroupUuid, DateTimeOffset now)
    {
        var free = new List<Port>();
        foreach (var port in ports.All.Where(p => p.NodeUuid == nodeUuid))
        {
            if ((portUuid is not null && !string.Equals(portUuid, port.Uuid, StringComparison.OrdinalIgnoreCase)) || !Usable(port))
            {
                continue;
            }

            var attached = Vif(port);
            if (attached == vif)
            {
                throw new ApiFault(409, $"Unable to attach VIF because VIF {vif} is already attached to Ironic Port {port.Uuid}");
            }

            // Ports with no portgroup are free unless a portgroup was asked for.
            if (attached is null && portgroupUuid is null)
            {
                free.Add(port);
            }
        }

        var chosen = free.Find(p => p.PxeEnabled) ?? free.FirstOrDefault()
            ?? throw ApiFault.BadRequest($"Unable to attach VIF {vif}, not enough free physical ports.");
        chosen.InternalInfo[TenantVifKey] = vif;
        chosen.UpdatedAt = now;
    }

    /// <summary>Detaches <paramref name="vif"/> from the node's port that holds it.</summary>
    /// <exception cref="ApiFault">400 when no port of the node holds it.</exception>
    public static void Detach(PortRegistry ports, string nodeUuid, string vif, DateTimeOffset now)
    {
        var port = ports.All.FirstOrDefault(p => p.NodeUuid == nodeUuid && Vif(p) == vif)
            ?? throw ApiFault.BadRequest($"Unable to detach VIF {vif} from node {nodeUuid} because it is not attached to it.");
        port.InternalInfo.Remove(TenantVifKey);
        port.Extra.Remove("vif_port_id");
        port.UpdatedAt = now;
    }

    private static string? Vif(Port port) =>
        port.InternalInfo[TenantVifKey] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var vif) ? vif : null;

    /// <summary>Ironic's <c>validate_port_info</c> for a flat network: a smart NIC needs its switch port and host name.</summary>
    private static bool Usable(Port port) =>
        port.Extra["client-id"] is not null
        || !port.IsSmartnic
        || (port.LocalLinkConnection["port_id"] is not null && port.LocalLinkConnection["hostname"] is not null);
}
