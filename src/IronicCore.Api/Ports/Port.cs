using System.Text.Json.Nodes;

namespace IronicCore.Api.Ports;

/// <summary>A port: one network interface of a node, known by its MAC address.</summary>
internal sealed class Port(string uuid, string nodeUuid, DateTimeOffset createdAt)
{
    public string Uuid { get; } = uuid;

    public string NodeUuid { get; set; } = nodeUuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The MAC address, stored lower case.</summary>
    public string Address { get; set; } = string.Empty;

    public bool PxeEnabled { get; set; } = true;

    public JsonObject LocalLinkConnection { get; set; } = [];

    public string? PhysicalNetwork { get; set; }

    public JsonObject Extra { get; set; } = [];

    /// <summary>What Ironic keeps for itself (read-only to clients), e.g. the attached VIF's <c>tenant_vif_port_id</c>.</summary>
    public JsonObject InternalInfo { get; } = [];

    public bool IsSmartnic { get; set; }

    public string? PortgroupUuid { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Vendor { get; set; }

    public string? Category { get; set; }

    /// <summary>Whether the network interface may bond this port into a dynamic portgroup (master, 1.111).</summary>
    public bool AvailableForDynamicPortgroup { get; set; } = true;
}
