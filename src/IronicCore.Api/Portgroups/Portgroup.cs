using System.Text.Json.Nodes;

namespace IronicCore.Api.Portgroups;

/// <summary>A portgroup: ports of one node bonded together, optionally with its own MAC address and name.</summary>
internal sealed class Portgroup(int id, string uuid, string nodeUuid, DateTimeOffset createdAt)
{
    /// <summary><c>[DEFAULT] default_portgroup_mode</c>: the mode a portgroup created without one gets.</summary>
    public const string DefaultMode = "active-backup";

    /// <summary>Ironic's database id, which the "contains ports" error names.</summary>
    public int Id { get; } = id;

    public string Uuid { get; } = uuid;

    public string NodeUuid { get; set; } = nodeUuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The MAC address, stored lower case; optional for portgroups.</summary>
    public string? Address { get; set; }

    public string? Name { get; set; }

    public string Mode { get; set; } = DefaultMode;

    public JsonObject Properties { get; set; } = [];

    public JsonObject Extra { get; set; } = [];

    /// <summary>What Ironic keeps for itself, e.g. the attached VIF's <c>tenant_vif_port_id</c>.</summary>
    public JsonObject InternalInfo { get; } = [];

    /// <summary>Whether the member ports may be used on their own (PXE, VIFs).</summary>
    public bool StandalonePortsSupported { get; set; } = true;

    public string? PhysicalNetwork { get; set; }

    public string? Category { get; set; }

    /// <summary>Made by the network interface, never by a client; the simulation makes none.</summary>
    public bool DynamicPortgroup { get; init; }
}
