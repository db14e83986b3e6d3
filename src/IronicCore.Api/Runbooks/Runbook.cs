using System.Text.Json.Nodes;

namespace IronicCore.Api.Runbooks;

/// <summary>A runbook (1.92): a named list of steps a node may clean or service with, if one of its traits allows it.</summary>
internal sealed class Runbook(string uuid, DateTimeOffset createdAt)
{
    public string Uuid { get; } = uuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>1.112.</summary>
    public string? Description { get; set; }

    public List<RunbookStep> Steps { get; set; } = [];

    public bool DisableRamdisk { get; set; }

    public JsonObject Extra { get; set; } = [];

    public bool Public { get; set; }

    public string? Owner { get; set; }

    /// <summary>The nodes' traits that may use it (1.112).</summary>
    public SortedSet<string> Traits { get; } = new(StringComparer.Ordinal);
}
