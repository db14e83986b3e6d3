namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>InspectionRuleValidationFailure</c> (HTTP 500): a condition operator or action was
/// given arguments its plugin does not take. Ironic's rule validation catches only
/// <c>ValueError</c>, so this error reaches the API unhandled and is answered 500 with the
/// plugin's own words.
/// </summary>
public sealed class InspectionRuleValidationFailureException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">The plugin's words.</param>
    public InspectionRuleValidationFailureException(string reason)
        : base("InspectionRuleValidationFailure", 500, reason)
    {
        Reason = reason;
    }

    /// <summary>The plugin's words.</summary>
    public string Reason { get; }
}
