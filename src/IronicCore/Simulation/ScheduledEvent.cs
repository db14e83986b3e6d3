namespace IronicCore.Simulation;

/// <summary>
/// One entry of a <see cref="SimulationClock"/>'s event queue. <see cref="Kind"/>,
/// <see cref="Subject"/> and <see cref="Token"/> mean nothing to the clock; it hands them back
/// to <see cref="Handler"/> unchanged. A value type, so scheduling one allocates nothing.
/// </summary>
/// <param name="Handler">Who runs the event.</param>
/// <param name="Kind">What to do, in the handler's own numbering.</param>
/// <param name="Subject">What it concerns, e.g. a node index.</param>
/// <param name="Token">
/// A generation number the handler compares with its current one to ignore stale events
/// (lazy cancellation).
/// </param>
public readonly record struct ScheduledEvent(ISimulationEventHandler Handler, int Kind, int Subject, long Token)
{
    /// <summary>When the event runs (UTC). Set by the clock when the event is scheduled.</summary>
    public DateTimeOffset Due => new(DueTicks, TimeSpan.Zero);

    /// <summary>
    /// The clock's insertion counter when the event was scheduled: among events due at the same
    /// instant, the lower number runs first. Set by the clock when the event is scheduled.
    /// </summary>
    public long Sequence { get; internal init; }

    /// <summary>The due time as UTC ticks: the heap compares these, not <see cref="DateTimeOffset"/>s.</summary>
    internal long DueTicks { get; init; }
}
