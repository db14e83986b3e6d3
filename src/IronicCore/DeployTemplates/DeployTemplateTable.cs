using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Simulation;
using IronicCore.Steps;

namespace IronicCore.DeployTemplates;

/// <summary>
/// Every deploy template, in creation order (Ironic's <c>id</c>), with the database's rules: names
/// and UUIDs are unique, a template is found by UUID or name. UUIDs not given are drawn from a
/// stream of the table's own, so templates leave node UUIDs as they were.
/// </summary>
internal sealed class DeployTemplateTable(ulong seed)
{
    private readonly List<DeployTemplate> templates = [];

    /// <summary>Where generated UUIDs come from; saved in snapshots.</summary>
    public SeededRandom Uuids { get; } = new(SeededRandom.StreamSeed(seed, "deploy_templates"));

    public IReadOnlyList<DeployTemplate> All => templates;

    /// <summary>Ironic's API lookup (<c>get_rpc_deploy_template</c>): a UUID-like ident is a UUID, else it must be a logical name.</summary>
    /// <exception cref="DeployTemplateNotFoundException">No template has it.</exception>
    /// <exception cref="InvalidUuidOrNameException">It is neither a UUID nor a logical name.</exception>
    public DeployTemplate Get(string ident)
    {
        if (Guid.TryParse(ident, out _))
        {
            return ByUuid(ident) ?? throw new DeployTemplateNotFoundException(ident);
        }

        return NodeNames.IsValid(ident)
            ? ByName(ident) ?? throw new DeployTemplateNotFoundException(ident)
            : throw new InvalidUuidOrNameException(ident);
    }

    public DeployTemplate? ByUuid(string uuid) => templates.Find(t => string.Equals(t.Uuid, uuid, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Ironic's <c>DeployTemplate.list_by_names</c>: the templates named by <paramref name="names"/>,
    /// in name order (the order the database's unique index on <c>name</c> gives them).
    /// </summary>
    public List<DeployTemplate> ByNames(IReadOnlyCollection<string> names)
    {
        var found = templates.FindAll(t => names.Contains(t.Name));
        found.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return found;
    }

    /// <exception cref="DeployTemplateDuplicateNameException">The name is taken.</exception>
    /// <exception cref="DeployTemplateAlreadyExistsException">The UUID is taken.</exception>
    /// <exception cref="ArgumentException">A field is not as Ironic's API schema guarantees.</exception>
    public DeployTemplate Create(DeployTemplateRequest request, string? uuid, DateTimeOffset now)
    {
        CheckFields(request);
        if (uuid is not null && !Guid.TryParse(uuid, out _))
        {
            throw new ArgumentException($"Expected UUID for uuid: {uuid}", nameof(uuid));
        }

        var extra = JsonObjects.Check(request.Extra ?? default, nameof(request.Extra)).Clone();
        CheckName(request.Name, except: null);
        uuid ??= Uuids.NewUuid().ToString();
        if (ByUuid(uuid) is not null)
        {
            throw new DeployTemplateAlreadyExistsException(uuid);
        }

        var template = new DeployTemplate(uuid, now) { Name = request.Name, Steps = Stored(request.Steps), Extra = extra };
        templates.Add(template);
        return template;
    }

    /// <exception cref="DeployTemplateDuplicateNameException">Another template has the name.</exception>
    /// <exception cref="ArgumentException">A field is not as Ironic's API schema guarantees.</exception>
    public void Update(DeployTemplate template, DeployTemplateRequest update, DateTimeOffset now)
    {
        CheckFields(update);
        var extra = JsonObjects.Check(update.Extra ?? default, nameof(update.Extra)).Clone();
        CheckName(update.Name, except: template);
        template.Name = update.Name;
        template.Steps = Stored(update.Steps);
        template.Extra = extra;
        template.UpdatedAt = now;
    }

    public void Remove(DeployTemplate template) => templates.Remove(template);

    /// <summary>Adds a template read from a snapshot, as saved.</summary>
    public void Restore(DeployTemplate template) => templates.Add(template);

    private DeployTemplate? ByName(string name) => templates.Find(t => t.Name == name);

    private void CheckName(string name, DeployTemplate? except)
    {
        if (templates.Exists(t => t != except && t.Name == name))
        {
            throw new DeployTemplateDuplicateNameException(name);
        }
    }

    /// <summary>Steps as Ironic's database keeps them: the four columns, <c>args</c> cloned.</summary>
    private static ImmutableArray<StepRequest> Stored(ImmutableArray<StepRequest> steps) =>
        [.. steps.Select(s => new StepRequest(s.Interface, s.Step, s.Args!.Value.Clone(), s.Priority))];

    /// <summary>What Ironic's API schema guarantees: a caller of the library that skips it gets an argument error.</summary>
    private static void CheckFields(DeployTemplateRequest request)
    {
        ArgumentException.ThrowIfNullOrEmpty(request.Name);
        if (request.Steps.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A deploy template needs at least one step.", nameof(request));
        }

        foreach (var step in request.Steps)
        {
            if (string.IsNullOrEmpty(step.Interface) || string.IsNullOrEmpty(step.Step)
                || step.Priority is not >= 0 || step.Args is not { ValueKind: System.Text.Json.JsonValueKind.Object })
            {
                throw new ArgumentException(
                    $"A deploy template step needs an interface, a step, args (a JSON object) and a priority of 0 or more: {step}", nameof(request));
            }
        }
    }
}
