using IronicCore.Api.Nodes;

namespace IronicCore.Api.Hosting;

/// <summary>
/// Keeps <see cref="PublishedNodes"/> up to date on the conductor's loop: after each batch of
/// work it takes the slots the conductor reports changed, makes their views, and publishes a
/// new version sharing every untouched chunk with the last. Cost: the changed nodes, not the fleet.
/// </summary>
internal sealed class NodePublisher
{
    private readonly SimulationState simulation;
    private readonly List<int> changed = [];
    private readonly List<(string? Before, string? After, int Slot)> uuids = [];
    private readonly List<(string? Before, string? After, int Slot)> names = [];
    private readonly List<(NodeSnapshot? Before, NodeSnapshot? After, int Slot)> nodes = [];
    private PublishedNodes current = PublishedNodes.Empty;

    /// <summary>Starts the conductor's change tracking and publishes every node. Call on the conductor's turn.</summary>
    public NodePublisher(SimulationState simulation)
    {
        this.simulation = simulation;
        simulation.Conductor.TrackNodeChanges();
        Publish();
    }

    /// <summary>The last version published: read from any thread.</summary>
    public PublishedNodes Current => Volatile.Read(ref current);

    /// <summary>Publishes the nodes changed since the last call, if any. Call on the conductor's turn.</summary>
    public void Publish()
    {
        var conductor = simulation.Conductor;
        conductor.TakeChangedNodeSlots(changed);
        if (changed.Count == 0)
        {
            return;
        }

        var last = current;
        var slots = conductor.NodeSlots;
        var chunks = new NodeSnapshot?[(slots + PublishedNodes.ChunkSize - 1) / PublishedNodes.ChunkSize][];
        Array.Copy(last.Chunks, chunks, Math.Min(last.Chunks.Length, chunks.Length));
        var copied = new bool[chunks.Length];
        foreach (var slot in changed)
        {
            var (chunk, offset) = Math.DivRem(slot, PublishedNodes.ChunkSize);
            if (!copied[chunk])
            {
                chunks[chunk] = chunks[chunk] is { } shared ? (NodeSnapshot?[])shared.Clone() : new NodeSnapshot?[PublishedNodes.ChunkSize];
                copied[chunk] = true;
            }

            var before = chunks[chunk][offset];
            var after = conductor.ViewAt(slot) is { } view ? NodeIdent.Snapshot(simulation, view) : null;
            chunks[chunk][offset] = after;
            Moved(uuids, before?.View.Uuid, after?.View.Uuid, slot);
            Moved(names, before?.View.Name, after?.View.Name, slot);
            nodes.Add((before, after, slot));
        }

        changed.Clear();
        Volatile.Write(ref current, new PublishedNodes(chunks, slots, last.ByUuid.With(uuids), last.ByName.With(names), last.Indexes.With(nodes), last.Orders.With(nodes)));
        uuids.Clear();
        names.Clear();
        nodes.Clear();
    }

    private static void Moved(List<(string? Before, string? After, int Slot)> moves, string? before, string? after, int slot)
    {
        if (before != after)
        {
            moves.Add((before, after, slot));
        }
    }
}
