using System.Text.Json;

namespace IronicCore.Nodes;

/// <summary>
/// A port as the conductor keeps it: one network interface of a node, known by its MAC address.
/// Mutable, owned by the conductor; callers see <see cref="PortView"/> snapshots.
/// </summary>
internal sealed class Port(string uuid, string nodeUuid, DateTimeOffset createdAt)
{
    public string Uuid { get; } = uuid;

    public string NodeUuid { get; set; } = nodeUuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The MAC address, as given (Ironic's API lower-cases it).</summary>
    public string Address { get; set; } = string.Empty;

    public bool PxeEnabled { get; set; } = true;

    public JsonElement LocalLinkConnection { get; set; } = JsonObjects.Empty;

    public string? PhysicalNetwork { get; set; }

    public JsonElement Extra { get; set; } = JsonObjects.Empty;

    /// <summary>What Ironic keeps for itself (read-only to clients), e.g. the attached VIF's <c>tenant_vif_port_id</c>.</summary>
    public JsonElement InternalInfo { get; set; } = JsonObjects.Empty;

    public bool IsSmartnic { get; set; }

    public string? PortgroupUuid { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Vendor { get; set; }

    public string? Category { get; set; }

    /// <summary>Whether the network interface may bond this port into a dynamic portgroup (master, API 1.111).</summary>
    public bool AvailableForDynamicPortgroup { get; set; } = true;

    public PortView ToView() => new(this);

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
