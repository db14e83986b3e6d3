using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Resources;

/// <summary>
/// An allocation (<c>/v1/allocations</c>, API 1.52) as Ironic's API shows it, frozen at the moment
/// it was read: a request for a node of a resource class with traits, which the conductor answers
/// by reserving one (the node's <c>instance_uuid</c> and <c>allocation_uuid</c> become the
/// allocation's UUID). Immutable and thread-safe.
/// </summary>
public sealed class AllocationView
{
    internal AllocationView(Allocation allocation)
    {
        Uuid = allocation.Uuid;
        Name = allocation.Name;
        NodeUuid = allocation.NodeUuid;
        State = allocation.State;
        LastError = allocation.LastError;
        ResourceClass = allocation.ResourceClass;
        Traits = allocation.Traits;
        CandidateNodes = allocation.CandidateNodes;
        Extra = allocation.Extra;
        Owner = allocation.Owner;
        CreatedAt = allocation.CreatedAt;
        UpdatedAt = allocation.UpdatedAt;
    }

    /// <summary><c>uuid</c>.</summary>
    public string Uuid { get; }

    /// <summary><c>name</c>, unique among allocations, or null.</summary>
    public string? Name { get; }

    /// <summary><c>node_uuid</c>: the node reserved for it, or null.</summary>
    public string? NodeUuid { get; }

    /// <summary><c>state</c>.</summary>
    public AllocationState State { get; }

    /// <summary><c>last_error</c>: why it failed, or null.</summary>
    public string? LastError { get; }

    /// <summary><c>resource_class</c> a node must have.</summary>
    public string? ResourceClass { get; }

    /// <summary><c>traits</c> a node must all have, as given.</summary>
    public ImmutableArray<string> Traits { get; }

    /// <summary><c>candidate_nodes</c>: the node UUIDs it may choose from; empty for any.</summary>
    public ImmutableArray<string> CandidateNodes { get; }

    /// <summary><c>extra</c>: a JSON object of the caller's own.</summary>
    public JsonElement Extra { get; }

    /// <summary><c>owner</c> (API 1.60): only nodes of this project are candidates; null for any.</summary>
    public string? Owner { get; }

    /// <summary><c>created_at</c>.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>updated_at</c>, or null.</summary>
    public DateTimeOffset? UpdatedAt { get; }
}
