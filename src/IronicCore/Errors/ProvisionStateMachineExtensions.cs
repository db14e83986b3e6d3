using IronicCore.States;

namespace IronicCore.Errors;

/// <summary>Firing on a <see cref="ProvisionStateMachine"/> with Ironic's error for an event the state does not allow. Thread-safe.</summary>
public static class ProvisionStateMachineExtensions
{
    /// <summary>The state <paramref name="event"/> leads to from <paramref name="from"/>.</summary>
    /// <exception cref="InvalidStateRequestedException">The event is not allowed in <paramref name="from"/>.</exception>
    public static ProvisionState Fire(this ProvisionStateMachine machine, ProvisionState from, ProvisionEvent @event)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return machine.TryFire(from, @event, out var to)
            ? to
            : throw new InvalidStateRequestedException(@event.ToIronicName(), from.ToIronicName(), machine.AllowedEvents(from));
    }
}
