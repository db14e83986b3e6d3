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

    /// <summary>The name or UUID asked for.</summary>
    public string Node { get; }
}
