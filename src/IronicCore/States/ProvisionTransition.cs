namespace IronicCore.States;

/// <summary>One transition of the provision state machine: <see cref="Event"/> takes <see cref="From"/> to <see cref="To"/>.</summary>
/// <param name="From">The state the event is fired in.</param>
/// <param name="Event">The event.</param>
/// <param name="To">The state after it.</param>
public readonly record struct ProvisionTransition(ProvisionState From, ProvisionEvent Event, ProvisionState To);
