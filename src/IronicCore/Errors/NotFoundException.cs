namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NotFound</c> (HTTP 404): the resource was not found, e.g. a lookup of a node in a state that does not allow it.
/// </summary>
public sealed class NotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">What was not found.</param>
    public NotFoundException(string reason)
        : base("NotFound", 404, $"{reason}")
    {
        Reason = reason;
    }

    /// <summary>What was not found.</summary>
    public string Reason { get; }
}
