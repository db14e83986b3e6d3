namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>MissingParameterValue</c> (HTTP 400): a required value is missing.
/// </summary>
public sealed class MissingParameterValueException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">Which value is missing, and where.</param>
    public MissingParameterValueException(string reason)
        : base("MissingParameterValue", 400, $"{reason}")
    {
        Reason = reason;
    }

    /// <summary>Which value is missing, and where.</summary>
    public string Reason { get; }
}
