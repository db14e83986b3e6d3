using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Resources;

/// <summary>An allocation as Ironic's <c>allocations</c> table holds it; the node it reserves is named by UUID.</summary>
internal sealed class Allocation(int id, string uuid, DateTimeOffset createdAt)
{
    /// <summary>Ironic's database id: creation order, the default sort.</summary>
    public int Id { get; } = id;

    public string Uuid { get; } = uuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? Name { get; set; }

    public string? NodeUuid { get; set; }

    public AllocationState State { get; set; }

    public string? LastError { get; set; }

    public string? ResourceClass { get; set; }

    public ImmutableArray<string> Traits { get; set; } = [];

    public ImmutableArray<string> CandidateNodes { get; set; } = [];

    public JsonElement Extra { get; set; }

    public string? Owner { get; set; }

    public AllocationView ToView() => new(this);
}
