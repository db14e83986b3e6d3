namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>ConcurrentActionLimit</c> (HTTP 503): too many nodes are already deploying or cleaning (<c>[conductor] max_concurrent_deploy</c> and <c>max_concurrent_clean</c>).
/// </summary>
public sealed class ConcurrentActionLimitException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="taskType">"provisioning", "unprovisioning" or "cleaning".</param>
    /// <param name="httpStatus">503 on Ironic master; 500 on 21.4, where the class has no code of its own.</param>
    public ConcurrentActionLimitException(string taskType, int httpStatus)
        : base("ConcurrentActionLimit", httpStatus, $"Unable to process request at this time. The concurrent action limit for {taskType} has been reached. Please contact your administrator and try again later.")
    {
        TaskType = taskType;
    }

    /// <summary>"provisioning", "unprovisioning" or "cleaning".</summary>
    public string TaskType { get; }
}
