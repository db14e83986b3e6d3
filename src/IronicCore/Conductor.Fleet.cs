using IronicCore.Drivers;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore;

// What a simulation built around the conductor (a fleet) needs that Ironic's API does not give:
// node slots read without making node views, counts by state, the nodes in maintenance, and a
// survivor's take-over of a dead conductor's nodes.
public sealed partial class Conductor : IIronicClient
{
    /// <summary>
    /// How many node slots exist: a node's slot is its place in creation order, from 0; a deleted
    /// node leaves its slot empty. Slots are what the <c>...At</c> reads take.
    /// </summary>
    public int NodeSlots => context.Nodes.Count;

    /// <summary>How many nodes are in maintenance.</summary>
    public int MaintenanceCount => context.Nodes.MaintenanceSlots.Count;

    /// <summary>The UUID of the node in <paramref name="slot"/>, or null once it is deleted.</summary>
    /// <param name="slot">From 0 to <see cref="NodeSlots"/> - 1.</param>
    /// <returns>The node's UUID.</returns>
    public string? UuidAt(int slot) => context.Nodes[slot]?.Uuid;

    /// <summary>The provision state of the node in <paramref name="slot"/>, read without making a view. Allocates nothing.</summary>
    /// <param name="slot">From 0 to <see cref="NodeSlots"/> - 1.</param>
    /// <returns>The node's <c>provision_state</c> (a deleted node's last one).</returns>
    public ProvisionState StateAt(int slot) => context.Nodes.StateAt(slot);

    /// <summary>Whether the node in <paramref name="slot"/> is in maintenance, read without making a view. Allocates nothing.</summary>
    /// <param name="slot">From 0 to <see cref="NodeSlots"/> - 1.</param>
    /// <returns>The node's <c>maintenance</c>; false once deleted.</returns>
    public bool InMaintenanceAt(int slot) => context.Nodes.MaintenanceSlots.Contains(slot);

    /// <summary>Whether a task holds the node in <paramref name="slot"/> (its <c>reservation</c> is set). Allocates nothing.</summary>
    /// <param name="slot">From 0 to <see cref="NodeSlots"/> - 1.</param>
    /// <returns>True while the node is locked; false once deleted.</returns>
    public bool IsReservedAt(int slot) => context.Nodes[slot]?.Reservation is not null;

    /// <summary>How many nodes are in <paramref name="state"/>, kept as nodes move. Allocates nothing.</summary>
    /// <param name="state">The provision state.</param>
    /// <returns>The count.</returns>
    public int CountInState(ProvisionState state) => context.Nodes.CountIn(state);

    /// <summary>
    /// The slot of the <paramref name="position"/>th node in maintenance, in no particular order
    /// (the order changes as nodes enter and leave maintenance). Allocates nothing.
    /// </summary>
    /// <param name="position">From 0 to <see cref="MaintenanceCount"/> - 1.</param>
    /// <returns>The node's slot.</returns>
    public int MaintenanceSlotAt(int position) => context.Nodes.MaintenanceSlots[position];

    /// <inheritdoc/>
    /// <remarks>
    /// With <c>maintenance=true</c> only the nodes in maintenance are visited, not every slot:
    /// automation asks for them often.
    /// </remarks>
    public IReadOnlyList<NodeView> ListNodes(bool? maintenance = null, ProvisionState? provisionState = null) =>
        context.Nodes.List(maintenance, provisionState);

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
    public bool TakeOverOrphan(string ident) => context.Utils.AbortOnConductorTakeOver(Find(ident));

    /// <summary>The node in slot <paramref name="slot"/>, or null once deleted.</summary>
    internal Node? NodeAt(int slot) => context.Nodes[slot];

    /// <summary>The machine behind slot <paramref name="slot"/>.</summary>
    internal SimulatedMachine MachineAt(int slot) => context.Nodes.MachineAt(slot);
}
