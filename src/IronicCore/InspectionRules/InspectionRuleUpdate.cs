using System.Text.Json;

namespace IronicCore.InspectionRules;

/// <summary>
/// The fields a <c>PATCH /v1/inspection_rules/{uuid}</c> may change, as the whole wanted record:
/// start from <see cref="From(InspectionRuleView)"/> and change fields with <c>with</c>.
/// </summary>
public sealed record InspectionRuleUpdate
{
    /// <summary><c>uuid</c>: a patch may change it.</summary>
    public required string Uuid { get; init; }

    /// <summary><c>actions</c>, as for <see cref="InspectionRuleCreateRequest.Actions"/>.</summary>
    public required JsonElement Actions { get; init; }

    /// <summary><c>conditions</c>; null for none.</summary>
    public JsonElement? Conditions { get; init; }

    /// <summary><c>description</c>, or null.</summary>
    public string? Description { get; init; }

    /// <summary><c>priority</c>: 0 to 9999.</summary>
    public long Priority { get; init; }

    /// <summary><c>sensitive</c>.</summary>
    public bool Sensitive { get; init; }

    /// <summary><c>phase</c>: <c>main</c>; anything else is refused.</summary>
    public string? Phase { get; init; }

    /// <summary>The rule's current values: an update that changes nothing.</summary>
    public static InspectionRuleUpdate From(InspectionRuleView rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new InspectionRuleUpdate
        {
            Uuid = rule.Uuid,
            Actions = rule.Actions,
            Conditions = rule.Conditions,
            Description = rule.Description,
            Priority = rule.Priority,
            Sensitive = rule.Sensitive,
            Phase = rule.Phase,
        };
    }
}
