using System.Text.Json;

namespace IronicCore.Nodes;

/// <summary>
/// A port as Ironic's API shows it, frozen at the moment it was read. Immutable and thread-safe.
/// </summary>
public sealed class PortView
{
    internal PortView(Port port)
    {
        Uuid = port.Uuid;
        NodeUuid = port.NodeUuid;
        CreatedAt = port.CreatedAt;
        UpdatedAt = port.UpdatedAt;
        Address = port.Address;
        PxeEnabled = port.PxeEnabled;
        LocalLinkConnection = port.LocalLinkConnection;
        PhysicalNetwork = port.PhysicalNetwork;
        Extra = port.Extra;
        InternalInfo = port.InternalInfo;
        IsSmartnic = port.IsSmartnic;
        PortgroupUuid = port.PortgroupUuid;
        Name = port.Name;
        Description = port.Description;
        Vendor = port.Vendor;
        Category = port.Category;
        AvailableForDynamicPortgroup = port.AvailableForDynamicPortgroup;
    }

    /// <summary><c>uuid</c>.</summary>
    public string Uuid { get; }

    /// <summary><c>node_uuid</c>: the node the port belongs to.</summary>
    public string NodeUuid { get; }

    /// <summary><c>created_at</c>.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>updated_at</c>: when a request last changed the port, or null.</summary>
    public DateTimeOffset? UpdatedAt { get; }

    /// <summary><c>address</c>: the MAC address.</summary>
    public string Address { get; }

    /// <summary><c>pxe_enabled</c> (default true).</summary>
    public bool PxeEnabled { get; }

    /// <summary><c>local_link_connection</c>: a JSON object describing the switch port (empty by default).</summary>
    public JsonElement LocalLinkConnection { get; }

    /// <summary><c>physical_network</c>, or null.</summary>
    public string? PhysicalNetwork { get; }

    /// <summary><c>extra</c>: a JSON object (empty by default).</summary>
    public JsonElement Extra { get; }

    /// <summary><c>internal_info</c>: a JSON object Ironic writes, e.g. <c>tenant_vif_port_id</c> while a VIF is attached.</summary>
    public JsonElement InternalInfo { get; }

    /// <summary><c>is_smartnic</c>.</summary>
    public bool IsSmartnic { get; }

    /// <summary><c>portgroup_uuid</c>: the portgroup the port is a member of, or null.</summary>
    public string? PortgroupUuid { get; }

    /// <summary><c>name</c>, or null.</summary>
    public string? Name { get; }

    /// <summary><c>description</c>, or null.</summary>
    public string? Description { get; }

    /// <summary><c>vendor</c>, or null.</summary>
    public string? Vendor { get; }

    /// <summary><c>category</c>, or null.</summary>
    public string? Category { get; }

    /// <summary><c>available_for_dynamic_portgroup</c> (default true).</summary>
    public bool AvailableForDynamicPortgroup { get; }
}
