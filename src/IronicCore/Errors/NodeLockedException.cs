namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NodeLocked</c> (HTTP 409): another task holds the node's lock (its <c>reservation</c>); nothing was changed.
/// </summary>
public sealed class NodeLockedException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="node">The node's UUID.</param>
    /// <param name="host">The conductor holding the lock.</param>
    public NodeLockedException(string node, string host)
        : base("NodeLocked", 409, $"Node {node} is locked by host {host}, please retry after the current operation is completed.")
    {
        Node = node;
        Host = host;
    }

    /// <summary>The node's UUID.</summary>
    public string Node { get; }

    /// <summary>The conductor holding the lock.</summary>
    public string Host { get; }
}
