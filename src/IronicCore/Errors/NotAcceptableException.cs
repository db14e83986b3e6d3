namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NotAcceptable</c> (HTTP 406): the request's API microversion does not allow what
/// it asks for in the node's state.
/// </summary>
public sealed class NotAcceptableException : IronicException
{
    /// <summary>Creates the error, worded as Ironic's default: "Request not acceptable."</summary>
    public NotAcceptableException()
        : this("Request not acceptable.")
    {
    }

    /// <summary>Creates the error with Ironic's own words for the case.</summary>
    /// <param name="message">What is not acceptable.</param>
    public NotAcceptableException(string message)
        : base("NotAcceptable", 406, message)
    {
    }
}
