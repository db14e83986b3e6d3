using IronicCore.Nodes;

namespace IronicCore;

// What a reader that keeps its own copy of the nodes (the API's published view, read off the
// conductor's thread) needs: which slots changed since it last looked, and their views.
public sealed partial class Conductor
{
    /// <summary>
    /// Starts recording the slots of nodes created, deleted or changed (any field a
    /// <see cref="NodeView"/> shows); every existing slot counts as changed at the start. Until
    /// called nothing is recorded, so a fleet run does not pay for it.
    /// </summary>
    public void TrackNodeChanges() => context.Nodes.TrackChanges();

    /// <summary>
    /// Appends the slots recorded since the last call (or since <see cref="TrackNodeChanges"/>) to
    /// <paramref name="into"/>, in slot order, and forgets them.
    /// </summary>
    /// <param name="into">The list to append to.</param>
    public void TakeChangedNodeSlots(List<int> into) => context.Nodes.TakeChanges(into);

    /// <summary>The node in <paramref name="slot"/> as a view, or null once deleted.</summary>
    /// <param name="slot">From 0 to <see cref="NodeSlots"/> - 1.</param>
    /// <returns>The view.</returns>
    public NodeView? ViewAt(int slot) => context.Nodes[slot]?.ToView();
}
