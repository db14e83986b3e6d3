using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.InspectionRules;
using IronicCore.Runbooks;

namespace IronicCore;

// Runbooks (/v1/runbooks), which automated cleaning and clean or service requests run, and
// inspection rules (/v1/inspection_rules): Ironic's API stores both without the conductor's lock.
public sealed partial class Conductor
{
    /// <summary>Every runbook (<c>GET /v1/runbooks</c>), in creation order, as snapshots.</summary>
    public ImmutableArray<RunbookView> Runbooks => [.. context.Runbooks.All.Select(r => r.ToView())];

    /// <summary>The runbook with this UUID or name (<c>GET /v1/runbooks/{runbook}</c>), as a snapshot.</summary>
    /// <param name="ident">A UUID, or a logical name.</param>
    /// <exception cref="RunbookNotFoundException">No runbook has it (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">It is neither a UUID nor a logical name (400).</exception>
    public RunbookView GetRunbook(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        return context.Runbooks.Get(ident).ToView();
    }

    /// <summary>Creates a runbook (<c>POST /v1/runbooks</c>) with no traits.</summary>
    /// <exception cref="RunbookDuplicateNameException">Another runbook has the name (409).</exception>
    /// <exception cref="RunbookAlreadyExistsException">Another runbook has the UUID (409).</exception>
    /// <exception cref="ArgumentException">No steps, no name, a UUID that is not one, or <c>extra</c> not a JSON object.</exception>
    public RunbookView CreateRunbook(RunbookCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return context.Runbooks.Create(request, context.Clock.GetUtcNow()).ToView();
    }

    /// <summary>Replaces a runbook's fields (<c>PATCH /v1/runbooks/{runbook}</c>); <c>updated_at</c> becomes now.</summary>
    /// <param name="ident">The runbook's UUID or name.</param>
    /// <param name="update">The wanted fields: start from <see cref="RunbookUpdate.From(RunbookView)"/>.</param>
    /// <exception cref="RunbookNotFoundException">No runbook has the ident (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">The ident is neither a UUID nor a logical name (400).</exception>
    /// <exception cref="RunbookDuplicateNameException">Another runbook has the new name (409).</exception>
    /// <exception cref="ArgumentException">No steps, no name, or <c>extra</c> not a JSON object.</exception>
    public RunbookView UpdateRunbook(string ident, RunbookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(ident);
        ArgumentNullException.ThrowIfNull(update);
        var runbook = context.Runbooks.Get(ident);
        context.Runbooks.Update(runbook, update, context.Clock.GetUtcNow());
        return runbook.ToView();
    }

    /// <summary>Deletes a runbook (<c>DELETE /v1/runbooks/{runbook}</c>) with its steps and traits.</summary>
    /// <exception cref="RunbookNotFoundException">No runbook has the ident (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">The ident is neither a UUID nor a logical name (400).</exception>
    public void DeleteRunbook(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        context.Runbooks.Remove(context.Runbooks.Get(ident));
    }

    /// <summary>
    /// Replaces a runbook's traits (<c>PUT /v1/runbooks/{runbook}/traits</c>, API 1.112): duplicates
    /// count once, an empty list removes them all (<c>DELETE /v1/runbooks/{runbook}/traits</c>).
    /// </summary>
    /// <exception cref="RunbookNotFoundException">No runbook has the ident (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">The ident is neither a UUID nor a logical name (400).</exception>
    public void SetRunbookTraits(string ident, IEnumerable<string> traits)
    {
        ArgumentNullException.ThrowIfNull(ident);
        ArgumentNullException.ThrowIfNull(traits);
        var wanted = traits.ToImmutableSortedSet(StringComparer.Ordinal);
        context.Runbooks.Get(ident).Traits = wanted;
    }

    /// <summary>Adds one trait to a runbook (<c>PUT /v1/runbooks/{runbook}/traits/{trait}</c>); one it has already changes nothing.</summary>
    /// <exception cref="RunbookNotFoundException">No runbook has the ident (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">The ident is neither a UUID nor a logical name (400).</exception>
    public void AddRunbookTrait(string ident, string trait)
    {
        ArgumentNullException.ThrowIfNull(ident);
        ArgumentException.ThrowIfNullOrEmpty(trait);
        var runbook = context.Runbooks.Get(ident);
        runbook.Traits = runbook.Traits.Add(trait);
    }

    /// <summary>
    /// Removes one trait from a runbook (<c>DELETE /v1/runbooks/{runbook}/traits/{trait}</c>); a trait
    /// it lacks changes nothing, as Ironic's API ignores its <c>RunbookTraitNotFound</c>.
    /// </summary>
    /// <exception cref="RunbookNotFoundException">No runbook has the ident (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">The ident is neither a UUID nor a logical name (400).</exception>
    public void RemoveRunbookTrait(string ident, string trait)
    {
        ArgumentNullException.ThrowIfNull(ident);
        ArgumentNullException.ThrowIfNull(trait);
        var runbook = context.Runbooks.Get(ident);
        runbook.Traits = runbook.Traits.Remove(trait);
    }

    /// <summary>Every inspection rule (<c>GET /v1/inspection_rules</c>), in creation order, as snapshots.</summary>
    public ImmutableArray<InspectionRuleView> InspectionRules => [.. context.InspectionRules.All.Select(r => r.ToView())];

    /// <summary>The inspection rule with this UUID (<c>GET /v1/inspection_rules/{uuid}</c>), as a snapshot.</summary>
    /// <exception cref="InspectionRuleNotFoundException">No rule has it (404).</exception>
    public InspectionRuleView GetInspectionRule(string uuid)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        return context.InspectionRules.Get(uuid).ToView();
    }

    /// <summary>Validates and stores an inspection rule (<c>POST /v1/inspection_rules</c>).</summary>
    /// <exception cref="InspectionRuleValidationFailureException">An operator or action has arguments its plugin does not take (500).</exception>
    /// <exception cref="InvalidException">The phase is not <c>main</c>, or the priority is not 0 to 9999 (400).</exception>
    /// <exception cref="InspectionRuleAlreadyExistsException">Another rule has the UUID (409).</exception>
    /// <exception cref="ArgumentException">The UUID is not one, or conditions or actions are not as Ironic's schema requires.</exception>
    public InspectionRuleView CreateInspectionRule(InspectionRuleCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return context.InspectionRules.Create(request, context.Clock.GetUtcNow()).ToView();
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
        var rule = context.InspectionRules.Get(uuid);
        context.InspectionRules.Update(rule, update, context.Clock.GetUtcNow());
        return rule.ToView();
    }

    /// <summary>Deletes an inspection rule (<c>DELETE /v1/inspection_rules/{uuid}</c>).</summary>
    /// <exception cref="InspectionRuleNotFoundException">No rule has the UUID (404).</exception>
    public void DeleteInspectionRule(string uuid)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        context.InspectionRules.Remove(context.InspectionRules.Get(uuid));
    }
}
