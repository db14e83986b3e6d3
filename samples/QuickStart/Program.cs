using IronicCore;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

// Ironic master's machine; ProvisionStateMachine.For(IronicRelease.Release21_4) is Ironic 21.4's.
var machine = ProvisionStateMachine.Master;
var state = ProvisionStateMachine.InitialState;
foreach (var @event in new[] { ProvisionEvent.Manage, ProvisionEvent.Done, ProvisionEvent.Provide, ProvisionEvent.Wait })
{
    state = machine.Fire(state, @event);
    Console.WriteLine($"{@event.ToIronicName()} -> {state.ToIronicName()}");
}

try
{
    machine.Fire(state, ProvisionEvent.Deploy);
}
catch (InvalidStateRequestedException error)
{
    Console.WriteLine($"{error.IronicClass} {error.HttpStatus}: {error.Message}");
}
