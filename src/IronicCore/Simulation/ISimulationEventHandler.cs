namespace IronicCore.Simulation;

/// <summary>
/// Runs the events a <see cref="SimulationClock"/> schedules for it. The clock calls
/// <see cref="Handle"/> once per event, in order of due time then insertion, with
/// <see cref="TimeProvider.GetUtcNow"/> standing at the event's <see cref="ScheduledEvent.Due"/>.
/// </summary>
/// <remarks>
/// The clock never cancels an event: a handler that no longer wants one compares
/// <see cref="ScheduledEvent.Token"/> with the generation it expects and ignores stale events.
/// Called on the simulation thread only.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It handles simulation events; it is not a .NET event's delegate, and the conductor's code is written against this name.")]
public interface ISimulationEventHandler
{
    /// <summary>Runs one event. It may schedule further events but must not advance the clock.</summary>
    /// <param name="scheduled">The event, as scheduled, with its due time and sequence number.</param>
    void Handle(in ScheduledEvent scheduled);
}
