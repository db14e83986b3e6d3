using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Resources;

/// <summary>
/// What <c>POST /v1/allocations</c> asks for, after Ironic's API has checked it: candidate nodes
/// as UUIDs, a resource class (the backfilled node's when none was given).
/// </summary>
public sealed record AllocationCreateRequest
{
    /// <summary><c>uuid</c>, or null to draw one (a backfilled node's <c>instance_uuid</c> when it has one).</summary>
    public string? Uuid { get; init; }

    /// <summary><c>name</c>, or null.</summary>
    public string? Name { get; init; }

    /// <summary><c>resource_class</c>: required unless <see cref="Node"/> is given.</summary>
    public string? ResourceClass { get; init; }

    /// <summary><c>traits</c> every candidate must have.</summary>
    public ImmutableArray<string> Traits { get; init; } = [];

    /// <summary><c>candidate_nodes</c>, as UUIDs or names; empty for any node.</summary>
    public ImmutableArray<string> CandidateNodes { get; init; } = [];

    /// <summary><c>extra</c>, a JSON object; unset is empty.</summary>
    public JsonElement Extra { get; init; }

    /// <summary><c>owner</c> (API 1.60), or null.</summary>
    public string? Owner { get; init; }

    /// <summary><c>node</c> (API 1.58): backfill an allocation for this already deployed node (UUID or name).</summary>
    public string? Node { get; init; }
}
