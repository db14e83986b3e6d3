using System.Text.Json;

namespace IronicCore.InspectionRules;

/// <summary>
/// An inspection rule (Ironic master, API 1.96), frozen at the moment it was read: conditions on
/// what inspection found and the actions to take when they hold. The simulated inspection does
/// not run rules; the conductor keeps and validates them as Ironic does. Immutable and thread-safe.
/// </summary>
public sealed class InspectionRuleView
{
    internal InspectionRuleView(InspectionRule rule)
    {
        Uuid = rule.Uuid;
        Description = rule.Description;
        Priority = rule.Priority;
        Sensitive = rule.Sensitive;
        Phase = rule.Phase;
        Conditions = rule.Conditions;
        Actions = rule.Actions;
        CreatedAt = rule.CreatedAt;
        UpdatedAt = rule.UpdatedAt;
    }

    /// <summary><c>uuid</c>.</summary>
    public string Uuid { get; }

    /// <summary><c>description</c>, or null.</summary>
    public string? Description { get; }

    /// <summary><c>priority</c>: 0 to 9999 for rules users create.</summary>
    public long Priority { get; }

    /// <summary><c>sensitive</c>: the API hides its conditions and actions; once set it cannot be unset.</summary>
    public bool Sensitive { get; }

    /// <summary><c>phase</c>: <c>main</c>, the only phase Ironic has.</summary>
    public string? Phase { get; }

    /// <summary><c>conditions</c>: a JSON array of <c>{"op", "args", "loop", "multiple"}</c> objects, as stored.</summary>
    public JsonElement Conditions { get; }

    /// <summary><c>actions</c>: a JSON array of <c>{"op", "args", "loop"}</c> objects, as stored.</summary>
    public JsonElement Actions { get; }

    /// <summary><c>created_at</c>.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>updated_at</c>: the last update that changed a field, or null.</summary>
    public DateTimeOffset? UpdatedAt { get; }
}
