using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Portgroups;
using IronicCore.Api.Ports;

namespace IronicCore.Api.Network;

/// <summary>
/// The <c>flat</c> network interface's VIF handling (Ironic's <c>VIFPortIDMixin</c> and
/// <c>get_free_port_like_object</c>) against a Neutron that accepts every port update and whose
/// networks have no physical network segments: a VIF is attached to one free port-like object of
/// the node — a portgroup that has usable ports first, then a PXE-enabled port, then any port, in
/// creation order — recorded in its <c>internal_info</c> as <c>tenant_vif_port_id</c>.
/// </summary>
internal static class FlatNetwork
{
    public const string TenantVifKey = "tenant_vif_port_id";

    /// <summary>The network kinds whose VIF a port or portgroup may hold, in Ironic's order (tenant last).</summary>
    private static readonly string[] VifKeys = ["cleaning_vif_port_id", "provisioning_vif_port_id", "rescuing_vif_port_id", "inspection_vif_port_id", "servicing_vif_port_id", TenantVifKey];

    /// <summary>The VIFs attached to the node's ports, then to its portgroups.</summary>
    public static IEnumerable<string> List(PortRegistry ports, PortgroupRegistry portgroups, string nodeUuid) =>
        ports.All.Where(p => p.NodeUuid == nodeUuid).Select(p => TenantVif(p.InternalInfo))
            .Concat(portgroups.All.Where(g => g.NodeUuid == nodeUuid).Select(g => TenantVif(g.InternalInfo)))
            .OfType<string>();

    /// <summary>Ironic's <c>get_current_vif</c>: the VIF a port or portgroup is bound to on whichever network it is on.</summary>
    public static string? VifOf(JsonObject internalInfo) =>
        VifKeys.Select(k => internalInfo[k]).OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var vif) ? vif : null).FirstOrDefault(v => v is not null);

    /// <summary>Attaches <paramref name="vif"/> to a free port or portgroup of the node.</summary>
    /// <param name="ports">Every port.</param>
    /// <param name="portgroups">Every portgroup.</param>
    /// <param name="nodeUuid">The node.</param>
    /// <param name="vif">The VIF's id.</param>
    /// <param name="portUuid">The port asked for (<c>port_uuid</c>), or null for any: portgroups are not considered then.</param>
    /// <param name="portgroupUuid">The portgroup asked for (<c>portgroup_uuid</c>): ports outside it are not free then.</param>
    /// <param name="now">When the port or portgroup changes.</param>
    /// <exception cref="ApiFault">409 when the VIF is attached to the node already; 400 when nothing is free.</exception>
    public static void Attach(PortRegistry ports, PortgroupRegistry portgroups, string nodeUuid, string vif, string? portUuid, string? portgroupUuid, DateTimeOffset now)
    {
        var free = new List<(JsonObject InternalInfo, bool IsPortgroup, bool Pxe, Action Touch)>();
        var byPortgroup = new Dictionary<string, List<Port>>(StringComparer.OrdinalIgnoreCase);
        var unusable = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var port in ports.All.Where(p => p.NodeUuid == nodeUuid))
        {
            if ((portUuid is not null && !string.Equals(portUuid, port.Uuid, StringComparison.OrdinalIgnoreCase)) || !Usable(port))
            {
                continue;
            }

            if (Attached(port.InternalInfo, vif, "Port", port.Uuid))
            {
                // A portgroup one of whose ports holds a VIF is not offered whole; its free ports are.
                unusable.Add(port.PortgroupUuid ?? string.Empty);
                continue;
            }

            if (port.PortgroupUuid is null && portgroupUuid is null)
            {
                free.Add((port.InternalInfo, false, port.PxeEnabled, () => port.UpdatedAt = now));
            }
            else
            {
                var key = port.PortgroupUuid ?? string.Empty;
                if (!byPortgroup.TryGetValue(key, out var members))
                {
                    byPortgroup[key] = members = [];
                }

                members.Add(port);
            }
        }

        if (portUuid is null)
        {
            foreach (var group in portgroups.All.Where(g => g.NodeUuid == nodeUuid))
            {
                if ((portgroupUuid is not null && !string.Equals(portgroupUuid, group.Uuid, StringComparison.OrdinalIgnoreCase))
                    || Attached(group.InternalInfo, vif, "Portgroup", group.Uuid))
                {
                    continue;
                }

                var members = byPortgroup.GetValueOrDefault(group.Uuid) ?? [];
                if (unusable.Contains(group.Uuid))
                {
                    if (portgroupUuid is null)
                    {
                        free.AddRange(members.Select(p => (p.InternalInfo, false, p.PxeEnabled, (Action)(() => p.UpdatedAt = now))));
                    }
                }
                else if (members.Count > 0)
                {
                    free.Add((group.InternalInfo, true, true, () => group.UpdatedAt = now));
                }
            }
        }

        // Ironic sorts by (physical network matches, is a portgroup, PXE enabled), highest first, keeping ties in order.
        var chosen = free.OrderByDescending(f => f.IsPortgroup).ThenByDescending(f => f.Pxe).Select(f => ((JsonObject, Action)?)(f.InternalInfo, f.Touch)).FirstOrDefault()
            ?? throw ApiFault.BadRequest($"Unable to attach VIF {vif}, not enough free physical ports.");
        chosen.Item1[TenantVifKey] = vif;
        chosen.Item2();
    }

    /// <summary>Detaches <paramref name="vif"/> from the node's portgroup or port that holds it (portgroups are searched first).</summary>
    /// <exception cref="ApiFault">400 when nothing of the node holds it.</exception>
    public static void Detach(PortRegistry ports, PortgroupRegistry portgroups, string nodeUuid, string vif, DateTimeOffset now)
    {
        if (portgroups.All.FirstOrDefault(g => g.NodeUuid == nodeUuid && TenantVif(g.InternalInfo) == vif) is { } group)
        {
            group.InternalInfo.Remove(TenantVifKey);
            group.Extra.Remove("vif_port_id");
            group.UpdatedAt = now;
            return;
        }

        var port = ports.All.FirstOrDefault(p => p.NodeUuid == nodeUuid && TenantVif(p.InternalInfo) == vif)
            ?? throw ApiFault.BadRequest($"Unable to detach VIF {vif} from node {nodeUuid} because it is not attached to it.");
        port.InternalInfo.Remove(TenantVifKey);
        port.Extra.Remove("vif_port_id");
        port.UpdatedAt = now;
    }

    private static string? TenantVif(JsonObject internalInfo) =>
        internalInfo[TenantVifKey] is JsonValue value && value.TryGetValue<string>(out var vif) ? vif : null;

    /// <summary>Ironic's <c>_vif_attached</c>: whether another VIF is attached; this one already attached is 409.</summary>
    private static bool Attached(JsonObject internalInfo, string vif, string objectType, string uuid)
    {
        var attached = TenantVif(internalInfo);
        return attached == vif
            ? throw new ApiFault(409, $"Unable to attach VIF because VIF {vif} is already attached to Ironic {objectType} {uuid}")
            : attached is not null;
    }

    /// <summary>Ironic's <c>validate_port_info</c> for a flat network: a smart NIC needs its switch port and host name.</summary>
    private static bool Usable(Port port) =>
        port.Extra["client-id"] is not null
        || !port.IsSmartnic
        || (port.LocalLinkConnection["port_id"] is not null && port.LocalLinkConnection["hostname"] is not null);
}
