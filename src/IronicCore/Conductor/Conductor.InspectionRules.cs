using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.InspectionRules;

namespace IronicCore;

public sealed partial class Conductor
{
    private InspectionRuleTable? inspectionRuleTable;

    private InspectionRuleTable InspectionRuleTable => inspectionRuleTable ??= new InspectionRuleTable(seed);

    /// <summary>Every inspection rule (<c>GET /v1/inspection_rules</c>), in creation order, as snapshots.</summary>
    public ImmutableArray<InspectionRuleView> InspectionRules => [.. InspectionRuleTable.All.Select(r => r.ToView())];

    /// <summary>The inspection rule with this UUID (<c>GET /v1/inspection_rules/{uuid}</c>), as a snapshot.</summary>
    /// <exception cref="InspectionRuleNotFoundException">No rule has it (404).</exception>
    public InspectionRuleView GetInspectionRule(string uuid)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        return InspectionRuleTable.Get(uuid).ToView();
    }

    /// <summary>Validates and stores an inspection rule (<c>POST /v1/inspection_rules</c>).</summary>
    /// <exception cref="InspectionRuleValidationFailureException">An operator or action has arguments its plugin does not take (500).</exception>
    /// <exception cref="InvalidException">The phase is not <c>main</c>, or the priority is not 0 to 9999 (400).</exception>
    /// <exception cref="InspectionRuleAlreadyExistsException">Another rule has the UUID (409).</exception>
    /// <exception cref="ArgumentException">The UUID is not one, or conditions or actions are not as Ironic's schema requires.</exception>
    public InspectionRuleView CreateInspectionRule(InspectionRuleCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InspectionRuleTable.Create(request, Clock.GetUtcNow()).ToView();
    }

    /// <summary>
    /// Validates and stores a rule's new fields (<c>PATCH /v1/inspection_rules/{uuid}</c>), its UUID
    /// included; <c>updated_at</c> becomes now only if a field changed.
    /// </summary>
    /// <param name="uuid">The rule's current UUID.</param>
    /// <param name="update">The wanted fields: start from <see cref="InspectionRuleUpdate.From(InspectionRuleView)"/>.</param>
    /// <exception cref="InspectionRuleNotFoundException">No rule has the UUID (404).</exception>
    /// <exception cref="InspectionRuleValidationFailureException">An operator or action has arguments its plugin does not take (500).</exception>
    /// <exception cref="InvalidException">The phase is not <c>main</c>, or the priority is not 0 to 9999 (400).</exception>
    /// <exception cref="InspectionRuleAlreadyExistsException">Another rule has the new UUID (409).</exception>
    /// <exception cref="ArgumentException">The new UUID is not one, or conditions or actions are not as Ironic's schema requires.</exception>
    public InspectionRuleView UpdateInspectionRule(string uuid, InspectionRuleUpdate update)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        ArgumentNullException.ThrowIfNull(update);
        var rule = InspectionRuleTable.Get(uuid);
        InspectionRuleTable.Update(rule, update, Clock.GetUtcNow());
        return rule.ToView();
    }

    /// <summary>Deletes an inspection rule (<c>DELETE /v1/inspection_rules/{uuid}</c>).</summary>
    /// <exception cref="InspectionRuleNotFoundException">No rule has the UUID (404).</exception>
    public void DeleteInspectionRule(string uuid)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        InspectionRuleTable.Remove(InspectionRuleTable.Get(uuid));
    }
}
