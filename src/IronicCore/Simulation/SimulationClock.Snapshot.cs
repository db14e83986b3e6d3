namespace IronicCore.Simulation;

// What a snapshot reads from the clock and restores into it (the format: Persistence's ClockSnapshot).
public sealed partial class SimulationClock
{
    /// <summary>The sequence number the next scheduled event gets.</summary>
    internal long NextSequence => nextSequence;

    /// <summary>A clock at <paramref name="nowTicks"/> that has run <paramref name="eventsRun"/> events, with an empty queue.</summary>
    internal static SimulationClock Restore(long nowTicks, long eventsRun) =>
        new(new DateTimeOffset(nowTicks, TimeSpan.Zero)) { EventsRun = eventsRun };

    /// <summary>The queued events, in the order they will run.</summary>
    internal List<ScheduledEvent> Queued()
    {
        var events = new List<ScheduledEvent>(queue.Count);
        queue.CopyTo(events);
        events.Sort((a, b) => a.DueTicks != b.DueTicks ? a.DueTicks.CompareTo(b.DueTicks) : a.Sequence.CompareTo(b.Sequence));
        return events;
    }

    /// <summary>Replaces the queue (and whatever building the handlers scheduled) with <paramref name="events"/>; the next event gets <paramref name="sequence"/>.</summary>
    internal void RestoreQueue(long sequence, List<ScheduledEvent> events)
    {
        queue.Clear();
        foreach (var scheduled in events)
        {
            queue.Push(scheduled);
        }

        nextSequence = sequence;
    }
}
