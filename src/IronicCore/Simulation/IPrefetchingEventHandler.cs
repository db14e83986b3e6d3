namespace IronicCore.Simulation;

/// <summary>
/// A handler that can say, ahead of time, what memory one of its events will read. The clock
/// asks it about the next queued event before running the current one (see <see cref="CacheLines"/>).
/// </summary>
internal interface IPrefetchingEventHandler : ISimulationEventHandler
{
    /// <summary>
    /// Hints the cache lines <paramref name="upcoming"/> will read. It must not change anything:
    /// the event may never run next (the current one can queue an earlier event) or at all.
    /// </summary>
    void Prefetch(in ScheduledEvent upcoming);
}
