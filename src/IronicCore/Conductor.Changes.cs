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

    /// <summary>
    /// Starts recording the ports and portgroups created, deleted or changed (any field their
    /// views show); every existing one counts as changed at the start. Until called nothing is
    /// recorded.
    /// </summary>
    public void TrackNetworkChanges()
    {
        context.Network.Ports.TrackChanges();
        context.Network.Portgroups.TrackChanges();
    }

    /// <summary>
    /// Appends the ports recorded since the last call (or since <see cref="TrackNetworkChanges"/>)
    /// to <paramref name="into"/>, and forgets them: the deleted ones first (view null), then the
    /// others in creation order (Ironic's <c>id</c>).
    /// </summary>
    /// <param name="into">The list to append to: each port's UUID and view.</param>
    public void TakeChangedPorts(List<(string Uuid, PortView? View)> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var changed = new List<Port>();
        context.Network.Ports.TakeChanges(changed);
        into.AddRange(changed.Where(p => p.Removed).Select(p => (p.Uuid, (PortView?)null)));
        into.AddRange(changed.Where(p => !p.Removed).OrderBy(p => p.Sequence).Select(p => (p.Uuid, (PortView?)p.ToView())));
    }

    /// <summary>
    /// Appends the portgroups recorded since the last call (or since <see cref="TrackNetworkChanges"/>)
    /// to <paramref name="into"/>, and forgets them: the deleted ones first (view null), then the
    /// others in creation order (Ironic's <c>id</c>).
    /// </summary>
    /// <param name="into">The list to append to: each portgroup's UUID and view.</param>
    public void TakeChangedPortgroups(List<(string Uuid, PortgroupView? View)> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var changed = new List<Portgroup>();
        context.Network.Portgroups.TakeChanges(changed);
        into.AddRange(changed.Where(p => p.Removed).Select(p => (p.Uuid, (PortgroupView?)null)));
        into.AddRange(changed.Where(p => !p.Removed).OrderBy(p => p.Id).Select(p => (p.Uuid, (PortgroupView?)p.ToView())));
    }
}
