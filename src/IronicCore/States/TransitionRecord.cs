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
    string NodeUuid, ProvisionState From, ProvisionEvent Event, ProvisionState To, DateTimeOffset At, TransitionCause Cause);
