namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NodeProtected</c> (HTTP 403): the node is <c>protected</c>, so undeploy, rebuild and deletion are refused.
/// </summary>
public sealed class NodeProtectedException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="node">The node's UUID.</param>
    public NodeProtectedException(string node)
        : base("NodeProtected", 403, $"Node {node} is protected and cannot be undeployed, rebuilt or deleted")
    {
        Node = node;
    }

    /// <summary>The node's UUID.</summary>
    public string Node { get; }
}
