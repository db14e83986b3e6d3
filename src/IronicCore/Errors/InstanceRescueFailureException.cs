namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>InstanceRescueFailure</c> (HTTP 500): the rescue could not start.
/// </summary>
public sealed class InstanceRescueFailureException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="node">The node's UUID.</param>
    /// <param name="reason">Why.</param>
    public InstanceRescueFailureException(string node, string reason)
        : base("InstanceRescueFailure", 500, $"Failed to provision instance on node {node}: {reason}")
    {
        Node = node;
        Reason = reason;
    }

    /// <summary>The node's UUID.</summary>
    public string Node { get; }

    /// <summary>Why.</summary>
    public string Reason { get; }
}
