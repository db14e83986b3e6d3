using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Runbooks;

namespace IronicCore;

public sealed partial class Conductor
{
    private RunbookTable? runbookTable;

    private RunbookTable RunbookTable => runbookTable ??= new RunbookTable(seed);

    /// <summary>Every runbook (<c>GET /v1/runbooks</c>), in creation order, as snapshots.</summary>
    public ImmutableArray<RunbookView> Runbooks => [.. RunbookTable.All.Select(r => r.ToView())];

    /// <summary>The runbook with this UUID or name (<c>GET /v1/runbooks/{runbook}</c>), as a snapshot.</summary>
    /// <param name="ident">A UUID, or a logical name.</param>
    /// <exception cref="RunbookNotFoundException">No runbook has it (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">It is neither a UUID nor a logical name (400).</exception>
    public RunbookView GetRunbook(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        return RunbookTable.Get(ident).ToView();
    }

    /// <summary>Creates a runbook (<c>POST /v1/runbooks</c>) with no traits.</summary>
    /// <exception cref="RunbookDuplicateNameException">Another runbook has the name (409).</exception>
    /// <exception cref="RunbookAlreadyExistsException">Another runbook has the UUID (409).</exception>
    /// <exception cref="ArgumentException">No steps, no name, a UUID that is not one, or <c>extra</c> not a JSON object.</exception>
    public RunbookView CreateRunbook(RunbookCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunbookTable.Create(request, Clock.GetUtcNow()).ToView();
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
        var runbook = RunbookTable.Get(ident);
        RunbookTable.Update(runbook, update, Clock.GetUtcNow());
        return runbook.ToView();
    }

    /// <summary>Deletes a runbook (<c>DELETE /v1/runbooks/{runbook}</c>) with its steps and traits.</summary>
    /// <exception cref="RunbookNotFoundException">No runbook has the ident (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">The ident is neither a UUID nor a logical name (400).</exception>
    public void DeleteRunbook(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        RunbookTable.Remove(RunbookTable.Get(ident));
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
        RunbookTable.Get(ident).Traits = wanted;
    }

    /// <summary>Adds one trait to a runbook (<c>PUT /v1/runbooks/{runbook}/traits/{trait}</c>); one it has already changes nothing.</summary>
    /// <exception cref="RunbookNotFoundException">No runbook has the ident (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">The ident is neither a UUID nor a logical name (400).</exception>
    public void AddRunbookTrait(string ident, string trait)
    {
        ArgumentNullException.ThrowIfNull(ident);
        ArgumentException.ThrowIfNullOrEmpty(trait);
        var runbook = RunbookTable.Get(ident);
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
        var runbook = RunbookTable.Get(ident);
        runbook.Traits = runbook.Traits.Remove(trait);
    }
}
