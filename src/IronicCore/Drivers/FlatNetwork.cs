using System.Text.Json;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Drivers;

/// <summary>
/// The <c>flat</c> network interface's VIF handling (Ironic's <c>VIFPortIDMixin</c>,
/// <c>get_free_port_like_object</c>, <c>port_changed</c> and <c>portgroup_changed</c>) against a
/// Neutron that accepts every port update and whose networks have no physical network segments:
/// a VIF is attached to one free port-like object of the node — a portgroup that has usable ports
/// first, then a PXE-enabled port, then any port, in creation order — recorded in its
/// <c>internal_info</c> as <c>tenant_vif_port_id</c>.
/// </summary>
internal sealed class FlatNetwork(PortRegistry ports, PortgroupRegistry portgroups)
{
    public const string TenantVifKey = "tenant_vif_port_id";

    /// <summary>The network kinds whose VIF a port or portgroup may hold, in Ironic's order (tenant last).</summary>
    private static readonly string[] VifKeys =
        ["cleaning_vif_port_id", "provisioning_vif_port_id", "rescuing_vif_port_id", "inspection_vif_port_id", "servicing_vif_port_id", TenantVifKey];

    /// <summary>Ironic's <c>get_current_vif</c>: the VIF a port or portgroup is bound to on whichever network it is on.</summary>
    public static string? VifOf(JsonElement internalInfo)
    {
        foreach (var key in VifKeys)
        {
            if (JsonObjects.Text(internalInfo, key) is { } vif)
            {
                return vif;
            }
        }

        return null;
    }

    /// <summary>The VIFs attached to the node's ports, then to its portgroups.</summary>
    public List<VifAttachment> List(string nodeUuid)
    {
        var vifs = new List<VifAttachment>();
        foreach (var port in ports.All)
        {
            if (port.NodeUuid == nodeUuid && TenantVif(port.InternalInfo) is { } vif)
            {
                vifs.Add(new VifAttachment(vif, port.Uuid, null));
            }
        }

        foreach (var group in portgroups.All)
        {
            if (group.NodeUuid == nodeUuid && TenantVif(group.InternalInfo) is { } vif)
            {
                vifs.Add(new VifAttachment(vif, null, group.Uuid));
            }
        }

        return vifs;
    }

    /// <summary>Attaches <paramref name="vif"/> to a free port or portgroup of the node.</summary>
    /// <param name="nodeUuid">The node.</param>
    /// <param name="vif">The VIF's id.</param>
    /// <param name="portUuid">The port asked for (<c>port_uuid</c>), or null for any: portgroups are not considered then.</param>
    /// <param name="portgroupUuid">The portgroup asked for (<c>portgroup_uuid</c>): ports outside it are not free then.</param>
    /// <param name="now">When the port or portgroup changes.</param>
    /// <returns>Where the VIF went.</returns>
    /// <exception cref="VifAlreadyAttachedException">The VIF is attached to the node already.</exception>
    /// <exception cref="NoFreePhysicalPortsException">Nothing is free.</exception>
    public VifAttachment Attach(string nodeUuid, string vif, string? portUuid, string? portgroupUuid, DateTimeOffset now)
    {
        var free = new List<(Port? Port, Portgroup? Group, bool Pxe)>();
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
                free.Add((port, null, port.PxeEnabled));
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
                        free.AddRange(members.Select(p => ((Port?)p, (Portgroup?)null, p.PxeEnabled)));
                    }
                }
                else if (members.Count > 0)
                {
                    free.Add((null, group, true));
                }
            }
        }

        // Ironic sorts by (physical network matches, is a portgroup, PXE enabled), highest first, keeping ties in order.
        var chosen = free.OrderByDescending(f => f.Group is not null).ThenByDescending(f => f.Pxe).Select(f => ((Port?, Portgroup?)?)(f.Port, f.Group)).FirstOrDefault()
            ?? throw new NoFreePhysicalPortsException(vif);
        if (chosen.Item2 is { } portgroup)
        {
            portgroup.InternalInfo = JsonObjects.With(portgroup.InternalInfo, TenantVifKey, vif);
            portgroup.UpdatedAt = now;
            return new VifAttachment(vif, null, portgroup.Uuid);
        }

        var chosenPort = chosen.Item1!;
        chosenPort.InternalInfo = JsonObjects.With(chosenPort.InternalInfo, TenantVifKey, vif);
        chosenPort.UpdatedAt = now;
        return new VifAttachment(vif, chosenPort.Uuid, null);
    }

    /// <summary>Detaches <paramref name="vif"/> from the node's portgroup or port that holds it (portgroups are searched first).</summary>
    /// <exception cref="VifNotAttachedException">Nothing of the node holds it.</exception>
    public void Detach(string nodeUuid, string vif, DateTimeOffset now)
    {
        if (portgroups.All.FirstOrDefault(g => g.NodeUuid == nodeUuid && TenantVif(g.InternalInfo) == vif) is { } group)
        {
            group.InternalInfo = JsonObjects.Without(group.InternalInfo, TenantVifKey);
            group.Extra = JsonObjects.Without(group.Extra, "vif_port_id");
            group.UpdatedAt = now;
            return;
        }

        var port = ports.All.FirstOrDefault(p => p.NodeUuid == nodeUuid && TenantVif(p.InternalInfo) == vif)
            ?? throw new VifNotAttachedException(vif, nodeUuid);
        port.InternalInfo = JsonObjects.Without(port.InternalInfo, TenantVifKey);
        port.Extra = JsonObjects.Without(port.Extra, "vif_port_id");
        port.UpdatedAt = now;
    }

    /// <summary>
    /// The flat network's <c>port_changed</c> check: a member of a portgroup without standalone
    /// ports may neither boot by PXE nor hold a VIF of its own.
    /// </summary>
    /// <param name="port">The port as it would be.</param>
    /// <param name="changed">The fields whose value changes.</param>
    /// <exception cref="ConflictException">It would.</exception>
    public void CheckPortChange(Port port, IReadOnlySet<string> changed)
    {
        var portgroup = port.PortgroupUuid is { } uuid ? portgroups.ByUuid(uuid) : null;
        var vif = VifOf(port.InternalInfo);
        if (portgroup is not { StandalonePortsSupported: false } || !(changed.Contains("pxe_enabled") || changed.Contains("portgroup_uuid") || vif is not null))
        {
            return;
        }

        var reasons = new List<string>();
        if (port.PxeEnabled)
        {
            reasons.Add("'pxe_enabled' was set to True");
        }

        if (vif is not null)
        {
            reasons.Add($"VIF {vif} is attached to the port");
        }

        if (reasons.Count > 0)
        {
            throw new ConflictException(
                $"Port group {portgroup.Uuid} doesn't support standalone ports. This port {port.Uuid} cannot be  a member of that port group because of: {string.Join(", ", reasons)}");
        }
    }

    /// <summary>The flat network's <c>portgroup_changed</c> check: no standalone ports while a member boots by PXE or holds a VIF.</summary>
    /// <exception cref="ConflictException">A member does.</exception>
    public void CheckNoStandalonePorts(Portgroup portgroup)
    {
        foreach (var port in ports.InPortgroup(portgroup.Uuid))
        {
            var reasons = new List<string>();
            if (port.PxeEnabled)
            {
                reasons.Add("'pxe_enabled' is set to True");
            }

            if (VifOf(port.InternalInfo) is { } vif)
            {
                reasons.Add($"VIF {vif} is attached to this port");
            }

            if (reasons.Count > 0)
            {
                throw new ConflictException(
                    $"standalone_ports_supported can not be set to False, because the port group {portgroup.Uuid} contains port with {string.Join(", ", reasons)}");
            }
        }
    }

    private static string? TenantVif(JsonElement internalInfo) => JsonObjects.Text(internalInfo, TenantVifKey);

    /// <summary>Ironic's <c>_vif_attached</c>: whether another VIF is attached; this one already attached is refused.</summary>
    private static bool Attached(JsonElement internalInfo, string vif, string objectType, string uuid)
    {
        var attached = TenantVif(internalInfo);
        return attached == vif ? throw new VifAlreadyAttachedException(vif, objectType, uuid) : attached is not null;
    }

    /// <summary>Ironic's <c>validate_port_info</c> for a flat network: a smart NIC needs its switch port and host name.</summary>
    private static bool Usable(Port port) =>
        JsonObjects.Has(port.Extra, "client-id") || !port.IsSmartnic || FitsSmartNic(port.LocalLinkConnection);

    /// <summary>Ironic's smart NIC rule: <c>port_id</c> and <c>hostname</c> both in the local link connection.</summary>
    public static bool FitsSmartNic(JsonElement link) => JsonObjects.Has(link, "port_id") && JsonObjects.Has(link, "hostname");
}
