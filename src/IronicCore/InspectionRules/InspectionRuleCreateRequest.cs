using System.Text.Json;

namespace IronicCore.InspectionRules;

/// <summary>What <c>POST /v1/inspection_rules</c> stores, once Ironic's API schema has accepted it.</summary>
public sealed record InspectionRuleCreateRequest
{
    /// <summary><c>actions</c>: a JSON array of at least one <c>{"op", "args"}</c> object whose op is an action (<see cref="InspectionRulePlugins.Actions"/>).</summary>
    public required JsonElement Actions { get; init; }

    /// <summary><c>conditions</c>: a JSON array of <c>{"op", "args"}</c> objects whose op is an operator, maybe inverted with <c>!</c>; null for none.</summary>
    public JsonElement? Conditions { get; init; }

    /// <summary><c>uuid</c>; null draws one from the simulation's seeded randomness.</summary>
    public string? Uuid { get; init; }

    /// <summary><c>description</c>, or null.</summary>
    public string? Description { get; init; }

    /// <summary><c>priority</c>: 0 to 9999.</summary>
    public long Priority { get; init; }

    /// <summary><c>sensitive</c>.</summary>
    public bool Sensitive { get; init; }

    /// <summary><c>phase</c>: <c>main</c> (the default); anything else is refused.</summary>
    public string? Phase { get; init; } = InspectionRuleValidation.MainPhase;
}
