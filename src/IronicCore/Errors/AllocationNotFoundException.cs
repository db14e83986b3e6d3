namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>AllocationNotFound</c> (HTTP 404): no allocation has this UUID or name, or the node has no allocation.
/// </summary>
public sealed class AllocationNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="allocation">The UUID or name asked for (the node's, for a node's allocation).</param>
    public AllocationNotFoundException(string allocation)
        : base("AllocationNotFound", 404, $"Allocation {allocation} could not be found.")
    {
        Allocation = allocation;
    }

    /// <summary>Creates the error for a node without an allocation (<c>/v1/nodes/{node}/allocation</c>).</summary>
    /// <param name="node">The node's ident, as asked for.</param>
    /// <param name="forNode">Distinguishes this constructor: always true.</param>
    public AllocationNotFoundException(string node, bool forNode)
        : base("AllocationNotFound", 404, forNode ? $"Allocation for node {node} was not found" : $"Allocation {node} could not be found.")
    {
        Allocation = node;
    }

    /// <summary>The UUID or name asked for.</summary>
    public string Allocation { get; }
}
