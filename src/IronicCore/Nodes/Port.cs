using System.Text.Json;

namespace IronicCore.Nodes;

/// <summary>
/// A port as the conductor keeps it: one network interface of a node, known by its MAC address.
/// Mutable, owned by the conductor; callers see <see cref="PortView"/> snapshots.
/// </summary>
internal sealed class Port(string uuid, string nodeUuid, DateTimeOffset createdAt)
{
    public string Uuid { get; } = uuid;

    public string NodeUuid { get; set => field = Changed(value); } = nodeUuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set => field = Changed(value); }

    /// <summary>The MAC address, as given (Ironic's API lower-cases it).</summary>
    public string Address { get; set => field = Changed(value); } = string.Empty;

    public bool PxeEnabled { get; set => field = Changed(value); } = true;

    public JsonElement LocalLinkConnection { get; set => field = Changed(value); } = JsonObjects.Empty;

    public string? PhysicalNetwork { get; set => field = Changed(value); }

    public JsonElement Extra { get; set => field = Changed(value); } = JsonObjects.Empty;

    /// <summary>What Ironic keeps for itself (read-only to clients), e.g. the attached VIF's <c>tenant_vif_port_id</c>.</summary>
    public JsonElement InternalInfo { get; set => field = Changed(value); } = JsonObjects.Empty;

    public bool IsSmartnic { get; set => field = Changed(value); }

    public string? PortgroupUuid { get; set => field = Changed(value); }

    public string? Name { get; set => field = Changed(value); }

    public string? Description { get; set => field = Changed(value); }

    public string? Vendor { get; set => field = Changed(value); }

    public string? Category { get; set => field = Changed(value); }

    /// <summary>Whether the network interface may bond this port into a dynamic portgroup (master, API 1.111).</summary>
    public bool AvailableForDynamicPortgroup { get; set => field = Changed(value); } = true;

    /// <summary>The order the registry took it in (creation order, Ironic's <c>id</c>), for a reader of its changes.</summary>
    public long Sequence { get; set; }

    /// <summary>Whether the registry no longer holds it.</summary>
    public bool Removed { get; set; }

    /// <summary>The registry's record of changed ports while a reader keeps copies; null otherwise, so a fleet run pays one null check a field set.</summary>
    public ChangeLog<Port>? Changes { get; set; }

    public PortView ToView() => new(this);

    // Every field a view shows is set through here.
    private T Changed<T>(T value)
    {
        Changes?.Add(this);
        return value;
    }

    /// <summary>Takes every field a request writes from <paramref name="update"/>.</summary>
    public void Store(PortRequest update, string nodeUuid)
    {
        NodeUuid = nodeUuid;
        Address = update.Address;
        PxeEnabled = update.PxeEnabled ?? true;
        LocalLinkConnection = JsonObjects.Check(update.LocalLinkConnection, nameof(update.LocalLinkConnection));
        PhysicalNetwork = update.PhysicalNetwork;
        Extra = JsonObjects.Check(update.Extra, nameof(update.Extra));
        IsSmartnic = update.IsSmartnic;
        PortgroupUuid = update.PortgroupUuid;
        Name = update.Name;
        Description = update.Description;
        Vendor = update.Vendor;
        Category = update.Category;
        AvailableForDynamicPortgroup = update.AvailableForDynamicPortgroup;
    }
}
