using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Runbooks;

/// <summary>What <c>POST /v1/runbooks</c> stores, once Ironic's API schema has accepted it.</summary>
public sealed record RunbookCreateRequest
{
    /// <summary><c>name</c>: unique among runbooks.</summary>
    public required string Name { get; init; }

    /// <summary><c>steps</c>: at least one.</summary>
    public required ImmutableArray<RunbookStep> Steps { get; init; }

    /// <summary><c>uuid</c>; null draws one from the simulation's seeded randomness.</summary>
    public string? Uuid { get; init; }

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
}
