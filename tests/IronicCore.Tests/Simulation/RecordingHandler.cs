using IronicCore.Simulation;

namespace IronicCore.Tests.Simulation;

/// <summary>Records every event it runs and the virtual time it ran at; optionally reacts to each.</summary>
internal sealed class RecordingHandler(SimulationClock clock, Action<ScheduledEvent>? react = null) : ISimulationEventHandler
{
    public List<(ScheduledEvent Event, DateTimeOffset RanAt)> Runs { get; } = [];

    public IEnumerable<int> Subjects => Runs.Select(r => r.Event.Subject);

    public void Handle(in ScheduledEvent scheduled)
    {
        Runs.Add((scheduled, clock.GetUtcNow()));
        react?.Invoke(scheduled);
    }
}
