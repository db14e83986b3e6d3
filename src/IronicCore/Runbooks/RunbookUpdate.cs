using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Runbooks;

/// <summary>
/// The fields a <c>PATCH /v1/runbooks/{runbook}</c> may change, as the whole wanted record: start
/// from <see cref="From(RunbookView)"/> and change fields with <c>with</c>. A runbook's UUID and
/// traits are not among them.
/// </summary>
public sealed record RunbookUpdate
{
    /// <summary><c>name</c>: unique among runbooks.</summary>
    public required string Name { get; init; }

    /// <summary><c>steps</c>: at least one.</summary>
    public required ImmutableArray<RunbookStep> Steps { get; init; }

    /// <summary><c>description</c>, or null.</summary>
    public string? Description { get; init; }

    /// <summary><c>disable_ramdisk</c>.</summary>
    public bool DisableRamdisk { get; init; }

    /// <summary><c>extra</c>: a JSON object; null for <c>{}</c>.</summary>
    public JsonElement? Extra { get; init; }

    /// <summary><c>public</c>.</summary>
    public bool Public { get; init; }

    /// <summary><c>owner</c>, or null.</summary>
    public string? Owner { get; init; }

    /// <summary>The runbook's current values: an update that changes nothing.</summary>
    public static RunbookUpdate From(RunbookView runbook)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        return new RunbookUpdate
        {
            Name = runbook.Name,
            Steps = runbook.Steps,
            Description = runbook.Description,
            DisableRamdisk = runbook.DisableRamdisk,
            Extra = runbook.Extra,
            Public = runbook.Public,
            Owner = runbook.Owner,
        };
    }
}
