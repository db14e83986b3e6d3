namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>AgentConnectionFailed</c> (HTTP 500): the conductor could not reach the ramdisk
/// agent (its machine is off, or the agent is not up), after its attempts.
/// </summary>
public sealed class AgentConnectionFailedException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">What failed, in Ironic's agent client's words.</param>
    public AgentConnectionFailedException(string reason)
        : base("AgentConnectionFailed", 500, $"Connection to agent failed: {reason}")
    {
        Reason = reason;
    }

    /// <summary>What failed, in Ironic's agent client's words.</summary>
    public string Reason { get; }
}
