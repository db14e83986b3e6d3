namespace IronicCore.Errors;

/// <summary>Ironic's <c>TemporaryFailure</c> (HTTP 503): the request cannot be served now, e.g. virtual media on a node whose BMC failed power sync.</summary>
public sealed class TemporaryFailureException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Ironic's message.</param>
    public TemporaryFailureException(string message)
        : base("TemporaryFailure", 503, message)
    {
    }
}
