using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Runbooks;

/// <summary>
/// A runbook (Ironic master, API 1.92) as Ironic's API shows it, frozen at the moment it was read:
/// a named list of steps that a node may clean or service with when it is approved for the
/// runbook, and that automated cleaning may run instead of the drivers' steps
/// (<c>[conductor] automated_cleaning_step_source</c>). Immutable and thread-safe.
/// </summary>
public sealed class RunbookView
{
    internal RunbookView(Runbook runbook)
    {
        Uuid = runbook.Uuid;
        Name = runbook.Name;
        Description = runbook.Description;
        Steps = runbook.Steps;
        DisableRamdisk = runbook.DisableRamdisk;
        Extra = runbook.Extra;
        Public = runbook.Public;
        Owner = runbook.Owner;
        Traits = runbook.Traits;
        CreatedAt = runbook.CreatedAt;
        UpdatedAt = runbook.UpdatedAt;
    }

    /// <summary><c>uuid</c>.</summary>
    public string Uuid { get; }

    /// <summary><c>name</c>: unique among runbooks.</summary>
    public string Name { get; }

    /// <summary><c>description</c> (API 1.112), or null.</summary>
    public string? Description { get; }

    /// <summary><c>steps</c>, in the order they run.</summary>
    public ImmutableArray<RunbookStep> Steps { get; }

    /// <summary><c>disable_ramdisk</c>: the steps run without booting the ramdisk agent.</summary>
    public bool DisableRamdisk { get; }

    /// <summary><c>extra</c>: a JSON object of the operator's own.</summary>
    public JsonElement Extra { get; }

    /// <summary><c>public</c>: every project may use it (a public runbook has no owner).</summary>
    public bool Public { get; }

    /// <summary><c>owner</c>: the project that owns it, or null.</summary>
    public string? Owner { get; }

    /// <summary><c>traits</c> (API 1.112): a node with one of these traits may use the runbook; ordinal order.</summary>
    public ImmutableSortedSet<string> Traits { get; }

    /// <summary><c>created_at</c>.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>updated_at</c>: the last update of its fields, or null.</summary>
    public DateTimeOffset? UpdatedAt { get; }
}
