namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NotAcceptable</c> (HTTP 406): the request's API microversion does not allow what
/// it asks for in the node's state.
/// </summary>
public sealed class NotAcceptableException : IronicException
{
    /// <summary>Creates the error, worded as Ironic's.</summary>
    public NotAcceptableException()
        : base("NotAcceptable", 406, "Request not acceptable.")
    {
    }
}
