using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Runbooks;

/// <summary>
/// A runbook as the conductor keeps it (Ironic's <c>runbooks</c> row with its steps and traits):
/// mutable, owned by the conductor's runbook table. Callers see <see cref="RunbookView"/> snapshots.
/// </summary>
internal sealed class Runbook(string uuid, DateTimeOffset createdAt)
{
    public string Uuid { get; } = uuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public ImmutableArray<RunbookStep> Steps { get; set; } = [];

    public bool DisableRamdisk { get; set; }

    public JsonElement Extra { get; set; } = Nodes.JsonObjects.Empty;

    public bool Public { get; set; }

    public string? Owner { get; set; }

    /// <summary>The node traits that may use the runbook (API 1.112), in ordinal order.</summary>
    public ImmutableSortedSet<string> Traits { get; set; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    public RunbookView ToView() => new(this);
}
