using System.Collections.Immutable;
using IronicCore.States;

namespace IronicCore.Conductor;

/// <summary>
/// Ironic's <c>InvalidStateRequested</c> (HTTP 400): the event is not defined for the node's
/// current provision state. The state is unchanged.
/// </summary>
public sealed class InvalidStateRequestedException : IronicException
{
    /// <summary>Creates the error for <paramref name="event"/> refused in <paramref name="state"/>.</summary>
    /// <param name="event">The refused event.</param>
    /// <param name="state">The state it was refused in.</param>
    /// <param name="allowedEvents">The events the state allows.</param>
    /// <param name="node">The node's name or UUID, when there is a node.</param>
    public InvalidStateRequestedException(
        ProvisionEvent @event, ProvisionState state, ImmutableArray<ProvisionEvent> allowedEvents, string? node = null)
        : base("InvalidStateRequested", 400, FormatMessage(@event, state, allowedEvents, node))
    {
        Event = @event;
        State = state;
        AllowedEvents = allowedEvents;
        Node = node;
    }

    /// <summary>The refused event.</summary>
    public ProvisionEvent Event { get; }

    /// <summary>The provision state the event was refused in.</summary>
    public ProvisionState State { get; }

    /// <summary>The events <see cref="State"/> allows.</summary>
    public ImmutableArray<ProvisionEvent> AllowedEvents { get; }

    /// <summary>The node's name or UUID, or null when the refusal came from the bare state machine.</summary>
    public string? Node { get; }

    private static string FormatMessage(
        ProvisionEvent @event, ProvisionState state, ImmutableArray<ProvisionEvent> allowedEvents, string? node)
    {
        var allowed = allowedEvents.IsEmpty
            ? "none"
            : string.Join(", ", allowedEvents.Select(e => $"\"{e.ToIronicName()}\""));
        var subject = node is null ? string.Empty : $" on node \"{node}\"";
        return $"The requested action \"{@event.ToIronicName()}\" can not be performed{subject} " +
            $"while it is in state \"{state.ToIronicName()}\". Allowed events: {allowed}.";
    }
}
