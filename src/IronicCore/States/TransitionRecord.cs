using IronicCore.States;

namespace IronicCore.States;

/// <summary>
/// One change of a node's provision state, as the conductor publishes it: which node, from
/// which state, by which event, to which state, when (virtual time) and why.
/// </summary>
/// <param name="NodeUuid">The node's UUID.</param>
/// <param name="From">The state before.</param>
/// <param name="Event">The event fired.</param>
/// <param name="To">The state after.</param>
/// <param name="At">The virtual time of the change.</param>
/// <param name="Cause">What made the change: a request, its worker, a heartbeat or a periodic task.</param>
public readonly record struct TransitionRecord(
    string NodeUuid, ProvisionState From, ProvisionEvent Event, ProvisionState To, DateTimeOffset At, TransitionCause Cause)
{
    /// <summary>
    /// Where the conductor keeps the node: its slot, from 0 in the order the conductor's nodes were
    /// created (a deleted node's slot is not reused). A hint for an observer that keeps its own data
    /// per node in an array, so it need not hash <see cref="NodeUuid"/> at every transition; -1 when
    /// not known (a record read back from a journal, which does not keep it). Not part of what
    /// happened, so not part of the record's equality.
    /// </summary>
    public int NodeSlot { get; init; } = -1;

    /// <summary>Whether <paramref name="other"/> is the same change: every field but <see cref="NodeSlot"/>.</summary>
    /// <param name="other">The record to compare with.</param>
    /// <returns>True when node, states, event, time and cause are the same.</returns>
    public bool Equals(TransitionRecord other) =>
        NodeUuid == other.NodeUuid && From == other.From && Event == other.Event && To == other.To && At == other.At && Cause == other.Cause;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(NodeUuid, From, Event, To, At, Cause);
}
