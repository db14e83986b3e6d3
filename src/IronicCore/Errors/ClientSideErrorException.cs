namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>ClientSideError</c> (HTTP 400): the request itself is malformed or incomplete.
/// </summary>
public sealed class ClientSideErrorException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">What is wrong with the request.</param>
    public ClientSideErrorException(string reason)
        : base("ClientSideError", 400, $"{reason}")
    {
        Reason = reason;
    }

    /// <summary>What is wrong with the request.</summary>
    public string Reason { get; }
}
