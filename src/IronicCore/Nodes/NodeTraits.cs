using System.Collections.Immutable;
using IronicCore.Errors;

namespace IronicCore.Nodes;

/// <summary>
/// Ironic's node traits (its <c>node_traits</c> table): each node's set of trait names, at most
/// <see cref="MaxPerNode"/> (<c>MAX_TRAITS_PER_NODE</c>). Adding a trait the node has is a no-op;
/// removing one it lacks is <c>NodeTraitNotFound</c>. Every check comes before any change.
/// </summary>
internal static class NodeTraits
{
    public const int MaxPerNode = 50;

    /// <summary>The node's traits with <paramref name="traits"/> added, or instead of its own when <paramref name="replace"/>.</summary>
    /// <exception cref="InvalidParameterValueException">The node would hold more than <see cref="MaxPerNode"/>.</exception>
    public static ImmutableSortedSet<string> Add(Node node, IEnumerable<string> traits, bool replace)
    {
        var result = (replace ? NodeDetails.NoTraits : node.Details.Traits).Union(traits);
        if (result.Count > MaxPerNode)
        {
            // Ironic's database names the node by its id, which counts nodes from 1 in creation order.
            throw new InvalidParameterValueException(
                $"Could not modify traits for node {node.Index + 1} as it would exceed the maximum number of traits per node ({result.Count} vs. {MaxPerNode})");
        }

        return result;
    }

    /// <summary>The node's traits without <paramref name="traits"/>, or without any when null.</summary>
    /// <exception cref="NodeTraitNotFoundException">The node lacks one of them.</exception>
    public static ImmutableSortedSet<string> Remove(Node node, IEnumerable<string>? traits)
    {
        if (traits is null)
        {
            return NodeDetails.NoTraits;
        }

        var result = node.Details.Traits;
        foreach (var trait in traits)
        {
            var without = result.Remove(trait);
            result = without != result ? without : throw new NodeTraitNotFoundException(node.Uuid, trait);
        }

        return result;
    }
}
