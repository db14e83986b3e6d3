using IronicCore.Errors;
using IronicCore.Simulation;

namespace IronicCore.InspectionRules;

/// <summary>
/// Every inspection rule, in creation order (Ironic's <c>id</c>), validated as Ironic's
/// <c>validate_rule</c> does; UUIDs are unique. UUIDs not given are drawn from a stream of the
/// table's own, so rules leave node UUIDs as they were.
/// </summary>
internal sealed class InspectionRuleTable(ulong seed)
{
    private readonly List<InspectionRule> rules = [];

    /// <summary>Where generated UUIDs come from; saved in snapshots.</summary>
    public SeededRandom Uuids { get; } = new(SeededRandom.StreamSeed(seed, "inspection_rules"));

    public IReadOnlyList<InspectionRule> All => rules;

    /// <exception cref="InspectionRuleNotFoundException">No rule has the UUID.</exception>
    public InspectionRule Get(string uuid) => Find(uuid) ?? throw new InspectionRuleNotFoundException(uuid);

    /// <exception cref="InspectionRuleValidationFailureException">A plugin's arguments are wrong.</exception>
    /// <exception cref="InvalidException">The phase or priority is wrong.</exception>
    /// <exception cref="InspectionRuleAlreadyExistsException">The UUID is taken.</exception>
    public InspectionRule Create(InspectionRuleCreateRequest request, DateTimeOffset now)
    {
        CheckUuid(request.Uuid);
        var (conditions, actions) = InspectionRuleValidation.Validate(request.Phase, request.Priority, request.Conditions, request.Actions);
        var uuid = request.Uuid ?? Uuids.NewUuid().ToString();
        EnsureFree(uuid, except: null);
        var rule = new InspectionRule(uuid, now)
        {
            Description = request.Description,
            Priority = request.Priority,
            Sensitive = request.Sensitive,
            Phase = request.Phase,
            Conditions = conditions,
            Actions = actions,
        };
        rules.Add(rule);
        return rule;
    }

    /// <summary>Stores the update; <c>updated_at</c> moves only when a field changed, as the database's does.</summary>
    /// <exception cref="InspectionRuleValidationFailureException">A plugin's arguments are wrong.</exception>
    /// <exception cref="InvalidException">The phase or priority is wrong.</exception>
    /// <exception cref="InspectionRuleAlreadyExistsException">Another rule has the new UUID.</exception>
    public void Update(InspectionRule rule, InspectionRuleUpdate update, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(update.Uuid);
        CheckUuid(update.Uuid);
        var (conditions, actions) = InspectionRuleValidation.Validate(update.Phase, update.Priority, update.Conditions, update.Actions);
        EnsureFree(update.Uuid, except: rule);
        var changed = rule.Uuid != update.Uuid || rule.Description != update.Description || rule.Priority != update.Priority
            || rule.Sensitive != update.Sensitive || rule.Phase != update.Phase
            || rule.Conditions.GetRawText() != conditions.GetRawText() || rule.Actions.GetRawText() != actions.GetRawText();
        rule.Uuid = update.Uuid;
        rule.Description = update.Description;
        rule.Priority = update.Priority;
        rule.Sensitive = update.Sensitive;
        rule.Phase = update.Phase;
        rule.Conditions = conditions;
        rule.Actions = actions;
        if (changed)
        {
            rule.UpdatedAt = now;
        }
    }

    public void Remove(InspectionRule rule) => rules.Remove(rule);

    /// <summary>Adds a rule read from a snapshot, as saved.</summary>
    public void Restore(InspectionRule rule) => rules.Add(rule);

    private InspectionRule? Find(string uuid) => rules.Find(r => string.Equals(r.Uuid, uuid, StringComparison.OrdinalIgnoreCase));

    /// <summary>A UUID another rule has is Ironic's unique-constraint conflict.</summary>
    private void EnsureFree(string uuid, InspectionRule? except)
    {
        if (Find(uuid) is { } other && other != except)
        {
            throw new InspectionRuleAlreadyExistsException(uuid);
        }
    }

    /// <summary>What Ironic's API checks first: a caller of the library that skips it gets an argument error.</summary>
    private static void CheckUuid(string? uuid)
    {
        if (uuid is not null && !Guid.TryParse(uuid, out _))
        {
            throw new ArgumentException($"Expected UUID for uuid: {uuid}", nameof(uuid));
        }
    }
}
