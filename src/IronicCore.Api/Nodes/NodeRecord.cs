using System.Text.Json.Nodes;

namespace IronicCore.Api.Nodes;

/// <summary>
/// A node's fields that the conductor does not use (operator data, bookkeeping), kept by the
/// API as Ironic's database keeps them. Mutable; touched only on the conductor loop's turn.
/// </summary>
internal sealed class NodeRecord(DateTimeOffset createdAt)
{
    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    public JsonObject Properties { get; set; } = [];

    public JsonObject Extra { get; set; } = [];

    public JsonObject InstanceInfo { get; set; } = [];

    public JsonObject NetworkData { get; set; } = [];

    public string? ChassisUuid { get; set; }

    public string? Description { get; set; }

    public string? Owner { get; set; }

    public string? Lessee { get; set; }

    public string? ResourceClass { get; set; }

    public string? Shard { get; set; }

    /// <summary>The parent node's UUID (1.83), resolved from the UUID or name given.</summary>
    public string? ParentNode { get; set; }

    /// <summary><c>instance_name</c> (1.104): Nova's instance name, also taken from <c>instance_info.display_name</c>.</summary>
    public string? InstanceName { get; set; }

    public bool ConsoleEnabled { get; set; }

    /// <summary>When the last inspection succeeded; cleared when one starts.</summary>
    public DateTimeOffset? InspectionFinishedAt { get; set; }

    /// <summary>The node's traits (1.37), in ordinal order, at most <see cref="TraitRules.MaxPerNode"/>.</summary>
    public SortedSet<string> Traits { get; } = new(StringComparer.Ordinal);
}
