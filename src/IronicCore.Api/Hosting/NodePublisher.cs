using IronicCore.Api.Nodes;
using IronicCore.Nodes;

namespace IronicCore.Api.Hosting;

/// <summary>
/// Keeps <see cref="PublishedState"/> up to date on the conductor's loop: after each batch of
/// work it takes the node slots, ports and portgroups the conductor reports changed, makes their
/// views, and publishes a new version sharing every untouched chunk with the last. Cost: the
/// changed records, not the fleet.
/// </summary>
internal sealed class NodePublisher
{
    private readonly SimulationState simulation;
    private readonly List<int> changed = [];
    private readonly List<(string? Before, string? After, int Slot)> uuids = [];
    private readonly List<(string? Before, string? After, int Slot)> names = [];
    private readonly List<(NodeSnapshot? Before, NodeSnapshot? After, int Slot)> nodes = [];
    private readonly List<(string Uuid, PortView? View)> ports = [];
    private readonly List<(string Uuid, PortgroupView? View)> portgroups = [];
    private PublishedState current = PublishedState.Empty;

    /// <summary>Starts the conductor's change tracking and publishes every node. Call on the conductor's turn.</summary>
    public NodePublisher(SimulationState simulation)
    {
        this.simulation = simulation;
        simulation.Conductor.TrackNodeChanges();
        simulation.Conductor.TrackNetworkChanges();
        Publish();
    }

    /// <summary>The last version published: read from any thread.</summary>
    public PublishedState Current => Volatile.Read(ref current);

    /// <summary>Publishes the nodes, ports and portgroups changed since the last call, if any. Call on the conductor's turn.</summary>
    public void Publish()
    {
        var conductor = simulation.Conductor;
        conductor.TakeChangedNodeSlots(changed);
        conductor.TakeChangedPorts(ports);
        conductor.TakeChangedPortgroups(portgroups);
        if (changed.Count + ports.Count + portgroups.Count == 0)
        {
            return;
        }

        var state = current;
        Volatile.Write(ref current, new PublishedState(Nodes(state.Nodes), state.Ports.With(ports), state.Portgroups.With(portgroups)));
        ports.Clear();
        portgroups.Clear();
    }

    private PublishedNodes Nodes(PublishedNodes last)
    {
        if (changed.Count == 0)
        {
            return last;
        }

        var conductor = simulation.Conductor;
        var slots = conductor.NodeSlots;
        var chunks = SlotChunks.Next(last.Chunks, slots);
        var copied = new bool[chunks.Length];
        foreach (var slot in changed)
        {
            var after = conductor.ViewAt(slot) is { } view ? NodeIdent.Snapshot(simulation, view) : null;
            var before = SlotChunks.Set(chunks, copied, slot, after);
            Moved(uuids, before?.View.Uuid, after?.View.Uuid, slot);
            Moved(names, before?.View.Name, after?.View.Name, slot);
            nodes.Add((before, after, slot));
        }

        changed.Clear();
        var published = new PublishedNodes(chunks, slots, last.ByUuid.With(uuids), last.ByName.With(names), last.Indexes.With(nodes), last.Orders.With(nodes));
        uuids.Clear();
        names.Clear();
        nodes.Clear();
        return published;
    }

    private static void Moved(List<(string? Before, string? After, int Slot)> moves, string? before, string? after, int slot)
    {
        if (before != after)
        {
            moves.Add((before, after, slot));
        }
    }
}
