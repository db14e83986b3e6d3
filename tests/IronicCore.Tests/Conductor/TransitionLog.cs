using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>Records every transition a conductor publishes.</summary>
internal sealed class TransitionLog : ITransitionObserver
{
    public List<TransitionRecord> Records { get; } = [];

    public IEnumerable<ProvisionEvent> Events => Records.Select(r => r.Event);

    public void OnTransition(in TransitionRecord transition) => Records.Add(transition);
}
