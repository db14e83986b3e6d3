namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>InvalidState</c> (HTTP 409): the node's state does not allow the request.
/// </summary>
public sealed class InvalidStateException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">Why the state does not allow it.</param>
    public InvalidStateException(string reason)
        : base("InvalidState", 409, $"{reason}")
    {
        Reason = reason;
    }

    /// <summary>Why the state does not allow it.</summary>
    public string Reason { get; }
}
