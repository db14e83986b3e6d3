namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NodeTraitNotFound</c> (HTTP 404): the node does not have the trait to remove; nothing was removed.
/// </summary>
public sealed class NodeTraitNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="node">The node's UUID.</param>
    /// <param name="trait">The trait it lacks.</param>
    public NodeTraitNotFoundException(string node, string trait)
        : base("NodeTraitNotFound", 404, $"Node {node} doesn't have a trait '{trait}'")
    {
        Node = node;
        Trait = trait;
    }

    /// <summary>The node's UUID.</summary>
    public string Node { get; }

    /// <summary>The trait it lacks.</summary>
    public string Trait { get; }
}
