namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>InstanceUnrescueFailure</c> (HTTP 500): the unrescue could not start.
/// </summary>
public sealed class InstanceUnrescueFailureException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="node">The node's UUID.</param>
    /// <param name="reason">Why.</param>
    public InstanceUnrescueFailureException(string node, string reason)
        : base("InstanceUnrescueFailure", 500, $"Failed to unrescue instance on node {node}: {reason}")
    {
        Node = node;
        Reason = reason;
    }

    /// <summary>The node's UUID.</summary>
    public string Node { get; }

    /// <summary>Why.</summary>
    public string Reason { get; }
}
