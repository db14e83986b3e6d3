using System.Text.Json;

namespace IronicCore.Nodes;

/// <summary>
/// The fields a request writes on a portgroup (<c>POST /v1/portgroups</c>, or
/// <c>PATCH /v1/portgroups/{portgroup}</c> once the patch is applied), as the whole wanted
/// portgroup: for a change, start from <see cref="From(PortgroupView)"/> and change fields with <c>with</c>.
/// </summary>
public sealed record PortgroupRequest
{
    /// <summary><c>node_uuid</c>: the node's UUID or name.</summary>
    public required string Node { get; init; }

    /// <summary><c>address</c>: the MAC address, unique among portgroups, or null.</summary>
    public string? Address { get; init; }

    /// <summary><c>name</c>: unique among portgroups, or null.</summary>
    public string? Name { get; init; }

    /// <summary><c>mode</c>; null or empty is <c>active-backup</c> (<c>[DEFAULT] default_portgroup_mode</c>).</summary>
    public string? Mode { get; init; }

    /// <summary><c>properties</c>: a JSON object; unset is empty.</summary>
    public JsonElement Properties { get; init; }

    /// <summary><c>extra</c>: a JSON object; unset is empty.</summary>
    public JsonElement Extra { get; init; }

    /// <summary><c>standalone_ports_supported</c> (default true).</summary>
    public bool StandalonePortsSupported { get; init; } = true;

    /// <summary><c>physical_network</c>, or null.</summary>
    public string? PhysicalNetwork { get; init; }

    /// <summary><c>category</c>, or null.</summary>
    public string? Category { get; init; }

    /// <summary>The portgroup's current values: a change that changes nothing.</summary>
    public static PortgroupRequest From(PortgroupView portgroup)
    {
        ArgumentNullException.ThrowIfNull(portgroup);
        return new PortgroupRequest
        {
            Node = portgroup.NodeUuid,
            Address = portgroup.Address,
            Name = portgroup.Name,
            Mode = portgroup.Mode,
            Properties = portgroup.Properties,
            Extra = portgroup.Extra,
            StandalonePortsSupported = portgroup.StandalonePortsSupported,
            PhysicalNetwork = portgroup.PhysicalNetwork,
            Category = portgroup.Category,
        };
    }
}
