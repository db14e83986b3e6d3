using System.Text.Json;

namespace IronicCore.InspectionRules;

/// <summary>
/// An inspection rule as Ironic's <c>inspection_rules</c> table keeps it: conditions and actions
/// as given (after the plugins' validation touched them), defaults filled in. Mutable, owned by
/// the conductor's rule table; callers see <see cref="InspectionRuleView"/> snapshots.
/// </summary>
internal sealed class InspectionRule(string uuid, DateTimeOffset createdAt)
{
    public string Uuid { get; set; } = uuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? Description { get; set; }

    public long Priority { get; set; }

    public bool Sensitive { get; set; }

    public string? Phase { get; set; } = InspectionRuleValidation.MainPhase;

    public JsonElement Conditions { get; set; } = InspectionRuleValidation.NoSteps;

    public JsonElement Actions { get; set; } = InspectionRuleValidation.NoSteps;

    public InspectionRuleView ToView() => new(this);
}
