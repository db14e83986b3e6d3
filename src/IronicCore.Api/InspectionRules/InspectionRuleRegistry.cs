using IronicCore.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.InspectionRules;

/// <summary>The served inspection rules in creation order (Ironic's <c>id</c>); touched only on the conductor loop.</summary>
internal sealed class InspectionRuleRegistry
{
    private readonly List<InspectionRule> rules = [];

    public IReadOnlyList<InspectionRule> All => rules;

    public InspectionRule Get(string uuid) =>
        Find(uuid) ?? throw new ApiFault(StatusCodes.Status404NotFound, $"Rule {uuid} could not be found.");

    public InspectionRule? Find(string uuid) => rules.Find(r => string.Equals(r.Uuid, uuid, StringComparison.OrdinalIgnoreCase));

    public void Add(InspectionRule rule)
    {
        EnsureFree(rule.Uuid, except: null);
        rules.Add(rule);
    }

    /// <summary>A UUID another rule has is Ironic's unique-constraint conflict.</summary>
    public void EnsureFree(string uuid, InspectionRule? except)
    {
        if (Find(uuid) is { } other && other != except)
        {
            throw new ApiFault(StatusCodes.Status409Conflict, $"A rule with UUID {uuid} already exists.");
        }
    }

    public void Remove(InspectionRule rule) => rules.Remove(rule);
}
