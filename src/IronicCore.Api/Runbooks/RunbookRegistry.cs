using IronicCore.Api.Errors;
using IronicCore.Nodes;

namespace IronicCore.Api.Runbooks;

/// <summary>Every runbook, in creation order (Ironic's <c>id</c>), found by UUID or name; names and UUIDs are unique.</summary>
internal sealed class RunbookRegistry
{
    private readonly List<Runbook> runbooks = [];

    public IReadOnlyList<Runbook> All => runbooks;

    /// <summary>Ironic's <c>get_rpc_runbook</c>: a UUID-like ident is a UUID, else a logical name.</summary>
    public Runbook Get(string ident)
    {
        if (Guid.TryParse(ident, out _))
        {
            return ByUuid(ident) ?? throw NotFound(ident);
        }

        return NodeNames.IsValid(ident)
            ? runbooks.Find(r => r.Name == ident) ?? throw NotFound(ident)
            : throw ApiFault.BadRequest($"Expected a logical name or UUID but received {ident}.");
    }

    public Runbook? ByUuid(string uuid) => runbooks.Find(r => string.Equals(r.Uuid, uuid, StringComparison.OrdinalIgnoreCase));

    public void Add(Runbook runbook)
    {
        CheckName(runbook, runbook.Name);
        if (ByUuid(runbook.Uuid) is not null)
        {
            throw new ApiFault(409, $"A runbook with UUID {runbook.Uuid} already exists.");
        }

        runbooks.Add(runbook);
    }

    /// <summary>Refuses a name another runbook has (409).</summary>
    public void CheckName(Runbook runbook, string name)
    {
        if (runbooks.Any(r => r != runbook && r.Name == name))
        {
            throw new ApiFault(409, $"A runbook with name {name} already exists.");
        }
    }

    public void Remove(Runbook runbook) => runbooks.Remove(runbook);

    public static ApiFault NotFound(string ident) => new(404, $"Runbook {ident} could not be found.");
}
