using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Simulation;

namespace IronicCore.Runbooks;

/// <summary>
/// Every runbook, in creation order (Ironic's <c>id</c>), with the database's rules: names and
/// UUIDs are unique, a runbook is found by UUID or name, traits are a set. UUIDs not given are
/// drawn from a stream of the table's own, so runbooks leave node UUIDs as they were.
/// </summary>
internal sealed class RunbookTable(ulong seed)
{
    private readonly List<Runbook> runbooks = [];

    /// <summary>Where generated UUIDs come from; saved in snapshots.</summary>
    public SeededRandom Uuids { get; } = new(SeededRandom.StreamSeed(seed, "runbooks"));

    public IReadOnlyList<Runbook> All => runbooks;

    /// <summary>Ironic's API lookup (<c>get_rpc_runbook</c>): a UUID-like ident is a UUID, else it must be a logical name.</summary>
    /// <exception cref="RunbookNotFoundException">No runbook has it.</exception>
    /// <exception cref="InvalidUuidOrNameException">It is neither a UUID nor a logical name.</exception>
    public Runbook Get(string ident)
    {
        if (Guid.TryParse(ident, out _))
        {
            return ByUuid(ident) ?? throw new RunbookNotFoundException(ident);
        }

        return NodeNames.IsValid(ident)
            ? ByName(ident) ?? throw new RunbookNotFoundException(ident)
            : throw new InvalidUuidOrNameException(ident);
    }

    /// <summary>The conductor's own lookup (<c>ConductorManager.get_runbook</c>): by UUID when UUID-like, else by name, unchecked.</summary>
    /// <exception cref="RunbookNotFoundException">No runbook has it.</exception>
    public Runbook Find(string ident) =>
        (Guid.TryParse(ident, out _) ? ByUuid(ident) : ByName(ident)) ?? throw new RunbookNotFoundException(ident);

    public Runbook? ByUuid(string uuid) => runbooks.Find(r => string.Equals(r.Uuid, uuid, StringComparison.OrdinalIgnoreCase));

    /// <exception cref="RunbookDuplicateNameException">The name is taken.</exception>
    /// <exception cref="RunbookAlreadyExistsException">The UUID is taken.</exception>
    public Runbook Create(RunbookCreateRequest request, DateTimeOffset now)
    {
        CheckFields(request.Name, request.Steps.IsDefaultOrEmpty, request.Uuid);
        var extra = JsonObjects.Check(request.Extra ?? default, nameof(request.Extra)).Clone();
        CheckName(request.Name, except: null);
        var uuid = request.Uuid ?? Uuids.NewUuid().ToString();
        if (ByUuid(uuid) is not null)
        {
            throw new RunbookAlreadyExistsException(uuid);
        }

        var runbook = new Runbook(uuid, now)
        {
            Name = request.Name,
            Description = request.Description,
            Steps = request.Steps,
            DisableRamdisk = request.DisableRamdisk,
            Extra = extra,
            Public = request.Public,
            Owner = request.Owner,
        };
        runbooks.Add(runbook);
        return runbook;
    }

    /// <exception cref="RunbookDuplicateNameException">Another runbook has the name.</exception>
    public void Update(Runbook runbook, RunbookUpdate update, DateTimeOffset now)
    {
        CheckFields(update.Name, update.Steps.IsDefaultOrEmpty, uuid: null);
        var extra = JsonObjects.Check(update.Extra ?? default, nameof(update.Extra)).Clone();
        CheckName(update.Name, except: runbook);
        runbook.Name = update.Name;
        runbook.Description = update.Description;
        runbook.Steps = update.Steps;
        runbook.DisableRamdisk = update.DisableRamdisk;
        runbook.Extra = extra;
        runbook.Public = update.Public;
        runbook.Owner = update.Owner;
        runbook.UpdatedAt = now;
    }

    public void Remove(Runbook runbook) => runbooks.Remove(runbook);

    /// <summary>Adds a runbook read from a snapshot, as saved.</summary>
    public void Restore(Runbook runbook) => runbooks.Add(runbook);

    private Runbook? ByName(string name) => runbooks.Find(r => r.Name == name);

    private void CheckName(string name, Runbook? except)
    {
        if (runbooks.Exists(r => r != except && r.Name == name))
        {
            throw new RunbookDuplicateNameException(name);
        }
    }

    /// <summary>What Ironic's API schema guarantees: a caller of the library that skips it gets an argument error.</summary>
    private static void CheckFields(string name, bool noSteps, string? uuid)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (noSteps)
        {
            throw new ArgumentException("A runbook needs at least one step.", nameof(noSteps));
        }

        if (uuid is not null && !Guid.TryParse(uuid, out _))
        {
            throw new ArgumentException($"Expected UUID for uuid: {uuid}", nameof(uuid));
        }
    }
}
