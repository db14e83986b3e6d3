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

    /// <summary>When a request last changed the node (its provision state changes count apart: see <see cref="NodeView.UpdatedAt"/>).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When the last inspection succeeded; cleared when one starts.</summary>
    public DateTimeOffset? InspectionFinishedAt { get; init; }

    /// <summary>The node's traits in ordinal order, at most <see cref="NodeTraits.MaxPerNode"/>.</summary>
    public ImmutableSortedSet<string> Traits { get; init; } = NoTraits;

    /// <summary>What a creation request sets; <see cref="Empty"/> when it sets none of these fields.</summary>
    /// <exception cref="ArgumentException">A dictionary field is not a JSON object.</exception>
    public static NodeDetails From(NodeCreateRequest request)
    {
        var details = new NodeDetails
        {
            Properties = JsonObjects.Check(request.Properties, nameof(request.Properties)),
            Extra = JsonObjects.Check(request.Extra, nameof(request.Extra)),
            InstanceInfo = JsonObjects.Check(request.InstanceInfo, nameof(request.InstanceInfo)),
            NetworkData = JsonObjects.Check(request.NetworkData, nameof(request.NetworkData)),
            ChassisUuid = request.ChassisUuid,
            Description = request.Description,
            Owner = request.Owner,
            Lessee = request.Lessee,
            ResourceClass = request.ResourceClass,
            Shard = request.Shard,
            ParentNode = request.ParentNode,
            InstanceName = request.InstanceName,
            ConsoleEnabled = request.ConsoleEnabled,
        };
        return details.SameFields(Empty) ? Empty : details;
    }

    /// <summary>These fields as <paramref name="update"/> wants them; this same value when nothing changes.</summary>
    /// <exception cref="ArgumentException">A dictionary field is not a JSON object.</exception>
    public NodeDetails With(NodeUpdate update)
    {
        var wanted = this with
        {
            Properties = JsonObjects.Check(update.Properties, nameof(update.Properties)),
            Extra = JsonObjects.Check(update.Extra, nameof(update.Extra)),
            InstanceInfo = JsonObjects.Check(update.InstanceInfo, nameof(update.InstanceInfo)),
            NetworkData = JsonObjects.Check(update.NetworkData, nameof(update.NetworkData)),
            ChassisUuid = update.ChassisUuid,
            Description = update.Description,
            Owner = update.Owner,
            Lessee = update.Lessee,
            ResourceClass = update.ResourceClass,
            Shard = update.Shard,
            ParentNode = update.ParentNode,
            InstanceName = update.InstanceName,
        };
        return wanted.SameFields(this) ? this : wanted;
    }

    /// <summary>Whether every field a request writes holds the same value (JSON compared by content).</summary>
    private bool SameFields(NodeDetails other) =>
        JsonObjects.Same(Properties, other.Properties) && JsonObjects.Same(Extra, other.Extra)
        && JsonObjects.Same(InstanceInfo, other.InstanceInfo) && JsonObjects.Same(NetworkData, other.NetworkData)
        && ChassisUuid == other.ChassisUuid && Description == other.Description && Owner == other.Owner && Lessee == other.Lessee
        && ResourceClass == other.ResourceClass && Shard == other.Shard && ParentNode == other.ParentNode
        && InstanceName == other.InstanceName && ConsoleEnabled == other.ConsoleEnabled;
}
