using System.Text.Json;

namespace IronicCore.Nodes;

/// <summary>
/// The fields a request writes on a port (<c>POST /v1/ports</c>, or <c>PATCH /v1/ports/{port}</c>
/// once the patch is applied), as the whole wanted port: for a change, start from
/// <see cref="From(PortView)"/> and change fields with <c>with</c>.
/// </summary>
public sealed record PortRequest
{
    /// <summary><c>node_uuid</c>: the node's UUID or name.</summary>
    public required string Node { get; init; }

    /// <summary><c>address</c>: the MAC address, unique among ports.</summary>
    public required string Address { get; init; }

    /// <summary>
    /// <c>pxe_enabled</c>; null is true, the default. Ironic refuses a new member of a portgroup
    /// without standalone ports only when it is given as true.
    /// </summary>
    public bool? PxeEnabled { get; init; }

    /// <summary><c>local_link_connection</c>: a JSON object; unset is empty.</summary>
    public JsonElement LocalLinkConnection { get; init; }

    /// <summary><c>physical_network</c>: null or a non-empty name; a portgroup's members share one.</summary>
    public string? PhysicalNetwork { get; init; }

    /// <summary><c>extra</c>: a JSON object; unset is empty.</summary>
    public JsonElement Extra { get; init; }

    /// <summary><c>is_smartnic</c>: needs <c>port_id</c> and <c>hostname</c> in <see cref="LocalLinkConnection"/>.</summary>
    public bool IsSmartnic { get; init; }

    /// <summary><c>portgroup_uuid</c>: a portgroup of the same node, or null.</summary>
    public string? PortgroupUuid { get; init; }

    /// <summary><c>name</c>: unique among ports, or null.</summary>
    public string? Name { get; init; }

    /// <summary><c>description</c>, or null.</summary>
    public string? Description { get; init; }

    /// <summary><c>vendor</c>, or null.</summary>
    public string? Vendor { get; init; }

    /// <summary><c>category</c>, or null.</summary>
    public string? Category { get; init; }

    /// <summary><c>available_for_dynamic_portgroup</c> (default true).</summary>
    public bool AvailableForDynamicPortgroup { get; init; } = true;

    /// <summary>The port's current values: a change that changes nothing.</summary>
    public static PortRequest From(PortView port)
    {
        ArgumentNullException.ThrowIfNull(port);
        return new PortRequest
        {
            Node = port.NodeUuid,
            Address = port.Address,
            PxeEnabled = port.PxeEnabled,
            LocalLinkConnection = port.LocalLinkConnection,
            PhysicalNetwork = port.PhysicalNetwork,
            Extra = port.Extra,
            IsSmartnic = port.IsSmartnic,
            PortgroupUuid = port.PortgroupUuid,
            Name = port.Name,
            Description = port.Description,
            Vendor = port.Vendor,
            Category = port.Category,
            AvailableForDynamicPortgroup = port.AvailableForDynamicPortgroup,
        };
    }
}
