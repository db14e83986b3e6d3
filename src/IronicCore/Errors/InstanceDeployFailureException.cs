namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>InstanceDeployFailure</c> (HTTP 500): the deployment could not start.
/// </summary>
public sealed class InstanceDeployFailureException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">
    /// Why, as the whole message: Ironic's callers pass their text as the message, so its
    /// <c>Failed to deploy instance: ...</c> format is not used.
    /// </param>
    /// <param name="httpStatus">500, or 400 when it wraps a validation error.</param>
    public InstanceDeployFailureException(string reason, int httpStatus)
        : base("InstanceDeployFailure", httpStatus, reason)
    {
        Reason = reason;
    }

    /// <summary>Why.</summary>
    public string Reason { get; }
}
