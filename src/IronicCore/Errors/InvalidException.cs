namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>Invalid</c> (HTTP 400): the request's parameters are unacceptable (e.g. a power timeout below 1 s).
/// </summary>
public sealed class InvalidException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">What is unacceptable.</param>
    public InvalidException(string reason)
        : base("Invalid", 400, $"{reason}")
    {
        Reason = reason;
    }

    /// <summary>What is unacceptable.</summary>
    public string Reason { get; }
}
