namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NodeIsRetired</c> (HTTP 400): the node is <c>retired</c> and cannot be provided.
/// </summary>
public sealed class NodeIsRetiredException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="operation">What was refused.</param>
    /// <param name="node">The node's UUID.</param>
    public NodeIsRetiredException(string operation, string node)
        : base("NodeIsRetired", 400, $"The {operation} operation can't be performed on node {node} because it is retired.")
    {
        Operation = operation;
        Node = node;
    }

    /// <summary>What was refused.</summary>
    public string Operation { get; }

    /// <summary>The node's UUID.</summary>
    public string Node { get; }
}
