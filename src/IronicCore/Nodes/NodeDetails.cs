using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Nodes;

/// <summary>
/// A node's fields that Ironic's API serves and its conductor keeps but its flows do not read:
/// operator data, bookkeeping and traits. Immutable: a change replaces the node's value, so a
/// <see cref="NodeView"/> shares it and a node that never had one set costs nothing.
/// </summary>
internal sealed record NodeDetails
{
    /// <summary>No traits. (Declared before <see cref="Empty"/>, which takes it.)</summary>
    public static ImmutableSortedSet<string> NoTraits { get; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Every field at its default: what a new node has.</summary>
    public static NodeDetails Empty { get; } = new();

    public JsonElement Properties { get; init; } = JsonObjects.Empty;

    public JsonElement Extra { get; init; } = JsonObjects.Empty;

    public JsonElement InstanceInfo { get; init; } = JsonObjects.Empty;

    public JsonElement NetworkData { get; init; } = JsonObjects.Empty;

    public string? ChassisUuid { get; init; }

    public string? Description { get; init; }

    public string? Owner { get; init; }

    public string? Lessee { get; init; }

    public string? ResourceClass { get; init; }

    public string? Shard { get; init; }

    /// <summary>The parent node's UUID.</summary>
    public string? ParentNode { get; init; }

    public string? InstanceName { get; init; }

    public bool ConsoleEnabled { get; init; }

    /// <summary>The allocation holding the node (Ironic's <c>allocation_id</c>, by UUID); snapshots rebuild it from the allocations.</summary>
    public string? AllocationUuid { get; init; }

    /// <summary>When a request last changed the node (its provision state changes count apart: see <see cref="NodeView.UpdatedAt"/>).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When the last inspection succeeded; cleared when one starts.</summary>
    public DateTimeOffset? InspectionFinishedAt { get; init; }

    /// <summary>The node's traits in ordinal order, at most <see cref="NodeTraits.MaxPerNode"/>.</summary>
    public ImmutableSortedSet<string> Traits { get; init; } = NoTraits;

    /// <summary>The BIOS settings the node's BIOS interface cached, in the order they were first stored.</summary>
    public ImmutableArray<BiosSetting> BiosSettings { get; init; } = [];

    /// <summary>The firmware components the node's firmware interface cached, in creation order.</summary>
    public ImmutableArray<FirmwareComponent> FirmwareComponents { get; init; } = [];

    /// <summary><c>target_raid_config</c>: the RAID configuration asked for (a JSON object, empty when none).</summary>
    public JsonElement TargetRaidConfig { get; init; } = JsonObjects.Empty;

    /// <summary>
    /// The deploy interface master's <c>autodetect</c> switched the node from (Ironic's
    /// <c>driver_internal_info['original_deploy_interface']</c>), restored when cleaning ends; else null.
    /// </summary>
    public string? OriginalDeployInterface { get; init; }

    /// <summary><c>health</c> (master, API 1.109): what power sync last read from a management interface that reports it; else null.</summary>
    public NodeHealth? Health { get; init; }

    /// <summary><c>boot_mode</c> (API 1.75): the firmware's boot mode, <c>uefi</c> or <c>bios</c>, as the management interface last read or set it; null when unknown.</summary>
    public string? BootMode { get; init; }

    /// <summary><c>secure_boot</c> (API 1.75): whether UEFI secure boot is on, as the management interface last read or set it; null when unknown.</summary>
    public bool? SecureBoot { get; init; }

    /// <summary>The node's inventory record (Ironic keeps it in its own table, by node); null when none was stored.</summary>
    public NodeInventory? Inventory { get; init; }

    /// <summary>Whether every field a request writes holds the same value (JSON compared by content).</summary>
    public bool SameFields(NodeDetails other) =>
        JsonObjects.Same(Properties, other.Properties) && JsonObjects.Same(Extra, other.Extra)
        && JsonObjects.Same(InstanceInfo, other.InstanceInfo) && JsonObjects.Same(NetworkData, other.NetworkData)
        && ChassisUuid == other.ChassisUuid && Description == other.Description && Owner == other.Owner && Lessee == other.Lessee
        && ResourceClass == other.ResourceClass && Shard == other.Shard && ParentNode == other.ParentNode
        && InstanceName == other.InstanceName && ConsoleEnabled == other.ConsoleEnabled && AllocationUuid == other.AllocationUuid;
}
