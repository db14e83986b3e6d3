namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>Conflict</c> (HTTP 409): the request contradicts what is stored, e.g. a port
/// joining a portgroup on another physical network.
/// </summary>
public sealed class ConflictException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">What it contradicts.</param>
    public ConflictException(string reason)
        : base("Conflict", 409, reason)
    {
        Reason = reason;
    }

    /// <summary>What it contradicts.</summary>
    public string Reason { get; }
}
