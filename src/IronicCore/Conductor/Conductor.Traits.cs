using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore;

// A node's traits (/v1/nodes/{node}/traits). Changes take the node's lock and leave updated_at alone (traits are their own table in Ironic).
public sealed partial class Conductor
{
    /// <summary>Adds traits to the node, or replaces its own with them (Ironic's <c>add_node_traits</c>); a trait it has already is kept once.</summary>
    /// <param name="node">The node's UUID or name.</param>
    /// <param name="traits">The traits (Ironic's API checks their names).</param>
    /// <param name="replace">Whether they replace the node's traits.</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="InvalidParameterValueException">The node would hold more than 50 traits (400).</exception>
    public void AddNodeTraits(string node, IEnumerable<string> traits, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(traits);
        var target = Find(node);
        EnsureUnlocked(target);
        var result = NodeTraits.Add(target, traits, replace);
        target.Details = target.Details with { Traits = result };
    }

    /// <summary>Removes traits from the node, or all of them (Ironic's <c>remove_node_traits</c>).</summary>
    /// <param name="node">The node's UUID or name.</param>
    /// <param name="traits">The traits to remove; null removes every trait.</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="NodeTraitNotFoundException">The node lacks one of them; none was removed (404).</exception>
    public void RemoveNodeTraits(string node, IEnumerable<string>? traits = null)
    {
        var target = Find(node);
        EnsureUnlocked(target);
        var result = NodeTraits.Remove(target, traits);
        target.Details = target.Details with { Traits = result };
    }
}
