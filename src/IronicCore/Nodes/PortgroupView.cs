using System.Text.Json;

namespace IronicCore.Nodes;

/// <summary>
/// A portgroup as Ironic's API shows it, frozen at the moment it was read. Immutable and thread-safe.
/// </summary>
public sealed class PortgroupView
{
    internal PortgroupView(Portgroup portgroup)
    {
        Id = portgroup.Id;
        Uuid = portgroup.Uuid;
        NodeUuid = portgroup.NodeUuid;
        CreatedAt = portgroup.CreatedAt;
        UpdatedAt = portgroup.UpdatedAt;
        Address = portgroup.Address;
        Name = portgroup.Name;
        Mode = portgroup.Mode;
        Properties = portgroup.Properties;
        Extra = portgroup.Extra;
        InternalInfo = portgroup.InternalInfo;
        StandalonePortsSupported = portgroup.StandalonePortsSupported;
        PhysicalNetwork = portgroup.PhysicalNetwork;
        Category = portgroup.Category;
        DynamicPortgroup = portgroup.DynamicPortgroup;
    }

    /// <summary>Ironic's database id: portgroups are numbered from 1 in creation order.</summary>
    public int Id { get; }

    /// <summary><c>uuid</c>.</summary>
    public string Uuid { get; }

    /// <summary><c>node_uuid</c>: the node the portgroup belongs to.</summary>
    public string NodeUuid { get; }

    /// <summary><c>created_at</c>.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>updated_at</c>: when a request last changed the portgroup, or null.</summary>
    public DateTimeOffset? UpdatedAt { get; }

    /// <summary><c>address</c>: the MAC address, or null.</summary>
    public string? Address { get; }

    /// <summary><c>name</c>, or null.</summary>
    public string? Name { get; }

    /// <summary><c>mode</c>: the bonding mode (default <c>active-backup</c>, <c>[DEFAULT] default_portgroup_mode</c>).</summary>
    public string Mode { get; }

    /// <summary><c>properties</c>: a JSON object (empty by default).</summary>
    public JsonElement Properties { get; }

    /// <summary><c>extra</c>: a JSON object (empty by default).</summary>
    public JsonElement Extra { get; }

    /// <summary><c>internal_info</c>: a JSON object Ironic writes, e.g. <c>tenant_vif_port_id</c> while a VIF is attached.</summary>
    public JsonElement InternalInfo { get; }

    /// <summary><c>standalone_ports_supported</c> (default true): whether members may boot by PXE or hold VIFs on their own.</summary>
    public bool StandalonePortsSupported { get; }

    /// <summary><c>physical_network</c>, or null.</summary>
    public string? PhysicalNetwork { get; }

    /// <summary><c>category</c>, or null.</summary>
    public string? Category { get; }

    /// <summary><c>dynamic_portgroup</c>: made by the network interface; the simulation makes none.</summary>
    public bool DynamicPortgroup { get; }
}
