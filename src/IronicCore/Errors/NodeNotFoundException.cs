namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NodeNotFound</c> (HTTP 404): no node has this name or UUID.
/// </summary>
public sealed class NodeNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="node">The name or UUID asked for.</param>
    public NodeNotFoundException(string node)
        : base("NodeNotFound", 404, $"Node {node} could not be found.")
    {
        Node = node;
    }

    /// <summary>Creates the error with Ironic's own wording and code for where it arose.</summary>
    /// <param name="node">The name or UUID asked for.</param>
    /// <param name="message">The message, as Ironic's caller words it (<c>Nodes cannot be found: ...</c>).</param>
    /// <param name="httpStatus">404, or 400 where Ironic's API changes the code (a node named in a request body).</param>
    public NodeNotFoundException(string node, string message, int httpStatus)
        : base("NodeNotFound", httpStatus, message)
    {
        Node = node;
    }

    /// <summary>The name or UUID asked for.</summary>
    public string Node { get; }
}
