using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.Persistence;
using IronicCore.Simulation;
using IronicCore.States;
using MessagePack;

namespace IronicCore;

// What a simulation built around the conductor (a fleet) needs that Ironic's API does not give:
// node slots read without making node views, counts by state, the nodes in maintenance, a
// survivor's take-over of a dead conductor's nodes, and snapshots that embed the conductor.
public sealed partial class Conductor : IIronicClient
{
    // The maintenance slots in order, made again for each ListNodes(maintenance: true).
    private readonly List<int> maintenanceInOrder = [];

    /// <summary>
    /// How many node slots exist: a node's slot is its place in creation order, from 0; a deleted
    /// node leaves its slot empty. Slots are what the <c>...At</c> reads take.
    /// </summary>
    public int NodeSlots => nodes.Count;

    /// <summary>The UUID of the node in <paramref name="slot"/>, or null once it is deleted.</summary>
    /// <param name="slot">From 0 to <see cref="NodeSlots"/> - 1.</param>
    /// <returns>The node's UUID.</returns>
    public string? UuidAt(int slot) => nodes[slot]?.Uuid;

    /// <summary>The node in slot <paramref name="slot"/>, or null once deleted.</summary>
    internal Node? NodeAt(int slot) => nodes[slot];

    /// <summary>The machine behind slot <paramref name="slot"/>.</summary>
    internal SimulatedMachine MachineAt(int slot) => machines[slot];

    /// <summary>The provision state of the node in <paramref name="slot"/>, read without making a view. Allocates nothing.</summary>
    /// <param name="slot">From 0 to <see cref="NodeSlots"/> - 1.</param>
    /// <returns>The node's <c>provision_state</c> (a deleted node's last one).</returns>
    public ProvisionState StateAt(int slot) => stateBySlot[slot];

    /// <summary>Whether the node in <paramref name="slot"/> is in maintenance, read without making a view. Allocates nothing.</summary>
    /// <param name="slot">From 0 to <see cref="NodeSlots"/> - 1.</param>
    /// <returns>The node's <c>maintenance</c>; false once deleted.</returns>
    public bool InMaintenanceAt(int slot) => maintenanceSlots.Contains(slot);

    /// <summary>Whether a task holds the node in <paramref name="slot"/> (its <c>reservation</c> is set). Allocates nothing.</summary>
    /// <param name="slot">From 0 to <see cref="NodeSlots"/> - 1.</param>
    /// <returns>True while the node is locked; false once deleted.</returns>
    public bool IsReservedAt(int slot) => nodes[slot]?.Reservation is not null;

    /// <summary>How many nodes are in <paramref name="state"/>, kept as nodes move. Allocates nothing.</summary>
    /// <param name="state">The provision state.</param>
    /// <returns>The count.</returns>
    public int CountInState(ProvisionState state) => CountIn(state);

    /// <summary>How many nodes are in maintenance.</summary>
    public int MaintenanceCount => maintenanceSlots.Count;

    /// <summary>
    /// The slot of the <paramref name="position"/>th node in maintenance, in no particular order
    /// (the order changes as nodes enter and leave maintenance). Allocates nothing.
    /// </summary>
    /// <param name="position">From 0 to <see cref="MaintenanceCount"/> - 1.</param>
    /// <returns>The node's slot.</returns>
    public int MaintenanceSlotAt(int position) => maintenanceSlots[position];

    /// <inheritdoc/>
    /// <remarks>
    /// With <c>maintenance=true</c> only the nodes in maintenance are visited, not every slot:
    /// automation asks for them often.
    /// </remarks>
    public IReadOnlyList<NodeView> ListNodes(bool? maintenance = null, ProvisionState? provisionState = null)
    {
        var found = new List<NodeView>();
        if (maintenance == true)
        {
            maintenanceInOrder.Clear();
            maintenanceSlots.CopySorted(maintenanceInOrder);
            foreach (var slot in maintenanceInOrder)
            {
                if (provisionState is null || stateBySlot[slot] == provisionState)
                {
                    found.Add(nodes[slot]!.ToView());
                }
            }

            return found;
        }

        for (var slot = 0; slot < nodes.Count; slot++)
        {
            if ((provisionState is null || stateBySlot[slot] == provisionState)
                && (maintenance is null || !maintenanceSlots.Contains(slot)) && nodes[slot] is { } node)
            {
                found.Add(node.ToView());
            }
        }

        return found;
    }

    /// <summary>
    /// Ironic's <c>_check_orphan_nodes</c> on a surviving conductor, for a node whose worker was
    /// running on a conductor that went offline: the reservation goes; out of maintenance, a
    /// deployment fails to <c>deploy failed</c> and cleaning to <c>clean failed</c> (the cleaning
    /// error handler, so maintenance if a step was set), each saying the operation was aborted by
    /// the take-over. Other states are left as they are.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <returns>Whether the node's operation was aborted.</returns>
    /// <exception cref="Errors.NodeNotFoundException">No such node.</exception>
    public bool TakeOverOrphan(string ident)
    {
        const string error = "Operation was aborted due to conductor take over";
        var node = Find(ident);
        Unreserve(node);
        if (node.Maintenance)
        {
            return false;
        }

        switch (node.ProvisionState)
        {
            case ProvisionState.Deploying or ProvisionState.WaitCallBack:
                DeployFailed(node, error);
                return true;
            case ProvisionState.Cleaning or ProvisionState.CleanWait:
                StepsFailed(node, error);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Writes a simulation built around this conductor on its <see cref="Clock"/>: the clock's
    /// time, the state <paramref name="writeState"/> writes (the owner's, with this conductor's
    /// <see cref="WriteEmbeddedState"/> inside it), then every pending event of both (format:
    /// docs/persistence.md). Frame it with <see cref="SnapshotFile.Write"/>;
    /// <see cref="ReadSnapshot"/> reads it back. The queue is checked before anything is written.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="owner">The simulation whose events share the clock; its events are saved with the conductor's.</param>
    /// <param name="writeState">Writes the simulation's state as one MessagePack value, calling <see cref="WriteEmbeddedState"/> for the conductor's.</param>
    /// <exception cref="SnapshotUnsupportedException">The conductor or its clock holds what a snapshot cannot carry (see <see cref="Save"/>).</exception>
    /// <exception cref="InvalidOperationException">Called from inside an event.</exception>
    public void WriteSnapshot(ref MessagePackWriter writer, ISimulationEventHandler owner, SnapshotWriter writeState)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(writeState);
        WriteSimulation(ref writer, [this, owner], writeState);
    }

    /// <summary>
    /// Writes the conductor's own state, without its clock's time and events, inside the state of
    /// a simulation built around it (<see cref="WriteSnapshot"/>): the options, every node and
    /// machine, the periodic tasks, the random state and the node history.
    /// </summary>
    /// <param name="writer">Where to write; one MessagePack value.</param>
    public void WriteEmbeddedState(ref MessagePackWriter writer) => WriteState(ref writer);

    /// <summary>Reads what <see cref="WriteEmbeddedState"/> wrote: a new conductor on <paramref name="clock"/> (<see cref="ReadSnapshot"/>'s).</summary>
    /// <param name="reader">Where the conductor's state starts.</param>
    /// <param name="clock">The restored clock the conductor's events are on.</param>
    /// <param name="maintenancePolicy">The maintenance policy the saved conductor had; null for Ironic's own.</param>
    /// <param name="format">The snapshot file's format, as <see cref="SnapshotFile.Read"/> gives it.</param>
    /// <returns>The conductor.</returns>
    /// <exception cref="MessagePackSerializationException">The content is not a conductor's state.</exception>
    /// <exception cref="ArgumentException"><paramref name="maintenancePolicy"/> is not of the type the conductor was saved with.</exception>
    public static Conductor ReadEmbeddedState(ref MessagePackReader reader, SimulationClock clock, IMaintenancePolicy? maintenancePolicy, int format) =>
        ReadState(ref reader, clock, maintenancePolicy, format);

    /// <summary>
    /// Reads what <see cref="WriteSnapshot"/> wrote: <paramref name="readState"/> reads the state
    /// on a new clock, making the conductor (with <see cref="ReadEmbeddedState"/>) and its owner; then
    /// the pending events go back to both.
    /// </summary>
    /// <typeparam name="T">The owner's type.</typeparam>
    /// <param name="reader">Where the snapshot's content starts.</param>
    /// <param name="readState">Reads the state and makes the conductor and the owner on the clock it is given.</param>
    /// <returns>The owner.</returns>
    /// <exception cref="MessagePackSerializationException">The content is not such a snapshot.</exception>
    public static T ReadSnapshot<T>(ref MessagePackReader reader, EmbeddedSnapshotReader<T> readState)
        where T : class, ISimulationEventHandler
    {
        ArgumentNullException.ThrowIfNull(readState);
        T? owner = null;
        ReadSimulation(ref reader, (ref MessagePackReader r, SimulationClock clock) =>
        {
            var (conductor, made) = readState(ref r, clock);
            owner = made;
            return [conductor, made];
        });
        return owner!;
    }
}
