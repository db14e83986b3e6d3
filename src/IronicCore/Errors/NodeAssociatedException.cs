namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NodeAssociated</c> (HTTP 409): the node still has an instance.
/// </summary>
public sealed class NodeAssociatedException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="node">The node's UUID.</param>
    /// <param name="instance">The instance's UUID.</param>
    public NodeAssociatedException(string node, string instance)
        : base("NodeAssociated", 409, $"Node {node} is associated with instance {instance}.")
    {
        Node = node;
        Instance = instance;
    }

    /// <summary>The node's UUID.</summary>
    public string Node { get; }

    /// <summary>The instance's UUID.</summary>
    public string Instance { get; }
}
