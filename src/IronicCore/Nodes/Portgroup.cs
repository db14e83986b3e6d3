using System.Text.Json;

namespace IronicCore.Nodes;

/// <summary>
/// A portgroup as the conductor keeps it: ports of one node bonded together, optionally with its
/// own MAC address and name. Mutable, owned by the conductor; callers see <see cref="PortgroupView"/> snapshots.
/// </summary>
internal sealed class Portgroup(int id, string uuid, string nodeUuid, DateTimeOffset createdAt)
{
    /// <summary><c>[DEFAULT] default_portgroup_mode</c>: the mode a portgroup created without one gets.</summary>
    public const string DefaultMode = "active-backup";

    /// <summary>Ironic's database id, which some of its messages name.</summary>
    public int Id { get; } = id;

    public string Uuid { get; } = uuid;

    public string NodeUuid { get; set => field = Changed(value); } = nodeUuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set => field = Changed(value); }

    /// <summary>The MAC address; optional for portgroups.</summary>
    public string? Address { get; set => field = Changed(value); }

    public string? Name { get; set => field = Changed(value); }

    public string Mode { get; set => field = Changed(value); } = DefaultMode;

    public JsonElement Properties { get; set => field = Changed(value); } = JsonObjects.Empty;

    public JsonElement Extra { get; set => field = Changed(value); } = JsonObjects.Empty;

    /// <summary>What Ironic keeps for itself, e.g. the attached VIF's <c>tenant_vif_port_id</c>.</summary>
    public JsonElement InternalInfo { get; set => field = Changed(value); } = JsonObjects.Empty;

    /// <summary>Whether the member ports may be used on their own (PXE, VIFs).</summary>
    public bool StandalonePortsSupported { get; set => field = Changed(value); } = true;

    public string? PhysicalNetwork { get; set => field = Changed(value); }

    public string? Category { get; set => field = Changed(value); }

    /// <summary>Made by the network interface, never by a client; the simulation makes none.</summary>
    public bool DynamicPortgroup { get; init; }

    /// <summary>Whether the registry no longer holds it.</summary>
    public bool Removed { get; set; }

    /// <summary>The registry's record of changed portgroups while a reader keeps copies; null otherwise, so a fleet run pays one null check a field set.</summary>
    public ChangeLog<Portgroup>? Changes { get; set; }

    public PortgroupView ToView() => new(this);

    // Every field a view shows is set through here.
    private T Changed<T>(T value)
    {
        Changes?.Add(this);
        return value;
    }

    /// <summary>Takes every field a request writes from <paramref name="request"/>; an empty mode is the default one.</summary>
    public void Store(PortgroupRequest request, string nodeUuid)
    {
        NodeUuid = nodeUuid;
        Address = request.Address;
        Name = request.Name;
        Mode = request.Mode is { Length: > 0 } mode ? mode : DefaultMode;
        Properties = JsonObjects.Check(request.Properties, nameof(request.Properties));
        Extra = JsonObjects.Check(request.Extra, nameof(request.Extra));
        StandalonePortsSupported = request.StandalonePortsSupported;
        PhysicalNetwork = request.PhysicalNetwork;
        Category = request.Category;
    }
}
