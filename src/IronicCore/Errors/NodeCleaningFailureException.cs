namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NodeCleaningFailure</c> (HTTP 500): cleaning cannot start, e.g. the runbook that
/// <c>[conductor] automated_cleaning_step_source</c> requires is missing or not approved for the node.
/// </summary>
public sealed class NodeCleaningFailureException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="node">The node's UUID.</param>
    /// <param name="reason">Why cleaning cannot start, as Ironic words it (the whole message).</param>
    public NodeCleaningFailureException(string node, string reason)
        : base("NodeCleaningFailure", 500, reason)
    {
        Node = node;
        Reason = reason;
    }

    /// <summary>The node's UUID.</summary>
    public string Node { get; }

    /// <summary>Why cleaning cannot start.</summary>
    public string Reason { get; }
}
