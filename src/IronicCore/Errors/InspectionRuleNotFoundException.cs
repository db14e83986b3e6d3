namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>InspectionRuleNotFound</c> (HTTP 404): no inspection rule has this UUID.
/// </summary>
public sealed class InspectionRuleNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="rule">The UUID asked for.</param>
    public InspectionRuleNotFoundException(string rule)
        : base("InspectionRuleNotFound", 404, $"Rule {rule} could not be found.")
    {
        Rule = rule;
    }

    /// <summary>The UUID asked for.</summary>
    public string Rule { get; }
}
