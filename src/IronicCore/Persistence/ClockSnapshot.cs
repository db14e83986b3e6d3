using IronicCore.Simulation;
using MessagePack;

namespace IronicCore.Persistence;

/// <summary>
/// The clock in a snapshot: its time and count of events run, then (last, once every handler
/// exists again) its queue with each event's handler as an index into the snapshot's table of
/// handlers, and the exact sequence numbers, so events run in the same order after loading.
/// </summary>
internal static class ClockSnapshot
{
    /// <summary>A clock standing where a snapshot's stood, with an empty queue until <see cref="ReadQueue"/>.</summary>
    public static SimulationClock ReadTime(ref MessagePackReader reader)
    {
        SnapshotCodec.Expect(ref reader, 2, "the clock");
        return SimulationClock.Restore(reader.ReadInt64(), reader.ReadInt64());
    }

    public static void WriteTime(SimulationClock clock, ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(2);
        writer.Write(clock.GetUtcNow().UtcTicks);
        writer.Write(clock.EventsRun);
    }

    /// <summary>Checks that every queued event belongs to one of <paramref name="handlers"/>, before anything is written.</summary>
    /// <exception cref="SnapshotUnsupportedException">An event belongs to someone else, e.g. a timer with a callback.</exception>
    public static List<ScheduledEvent> QueuedFor(SimulationClock clock, IReadOnlyList<ISimulationEventHandler> handlers)
    {
        var events = clock.Queued();
        foreach (var scheduled in events)
        {
            if (!handlers.Contains(scheduled.Handler))
            {
                throw new SnapshotUnsupportedException(scheduled.Handler is SimulationTimer
                    ? "A timer made with the clock's CreateTimer is pending: its callback is code, which a snapshot cannot hold. Dispose it before saving."
                    : $"An event of {scheduled.Handler.GetType().Name} is pending: only the events of the conductor, of the simulation built around it and of its driver states (Conductor.AddDriverState) can be saved.");
            }
        }

        return events;
    }

    /// <summary>Writes the queue checked by <see cref="QueuedFor"/>: the next sequence number, then each event's six numbers.</summary>
    public static void WriteQueue(SimulationClock clock, ref MessagePackWriter writer, List<ScheduledEvent> events, IReadOnlyList<ISimulationEventHandler> handlers)
    {
        writer.WriteArrayHeader(2);
        writer.Write(clock.NextSequence);
        writer.WriteArrayHeader(events.Count * 6);
        var lastHandler = handlers[0];
        var lastIndex = 0;
        foreach (var scheduled in events)
        {
            if (scheduled.Handler != lastHandler)
            {
                lastHandler = scheduled.Handler;
                lastIndex = IndexOf(handlers, lastHandler);
            }

            writer.Write(lastIndex);
            writer.Write(scheduled.Kind);
            writer.Write(scheduled.Subject);
            writer.Write(scheduled.Token);
            writer.Write(scheduled.DueTicks);
            writer.Write(scheduled.Sequence);
        }
    }

    /// <summary>Replaces the queue (and whatever building the handlers scheduled) with a snapshot's.</summary>
    public static void ReadQueue(SimulationClock clock, ref MessagePackReader reader, IReadOnlyList<ISimulationEventHandler> handlers)
    {
        SnapshotCodec.Expect(ref reader, 2, "the event queue");
        var sequence = reader.ReadInt64();
        var values = reader.ReadArrayHeader();
        if (values % 6 != 0)
        {
            throw new MessagePackSerializationException("the event queue's length is not a whole number of events");
        }

        var nowTicks = clock.GetUtcNow().UtcTicks;
        var events = new List<ScheduledEvent>(values / 6);
        for (var i = values / 6; i > 0; i--)
        {
            var handler = reader.ReadInt32();
            if ((uint)handler >= (uint)handlers.Count)
            {
                throw new MessagePackSerializationException($"an event names handler {handler}, which the snapshot does not have");
            }

            var scheduled = new ScheduledEvent(handlers[handler], reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64())
            {
                DueTicks = reader.ReadInt64(),
                Sequence = reader.ReadInt64(),
            };
            if (scheduled.DueTicks < nowTicks || scheduled.Sequence >= sequence)
            {
                throw new MessagePackSerializationException("an event is due before the clock's time or after its sequence");
            }

            events.Add(scheduled);
        }

        clock.RestoreQueue(sequence, events);
    }

    private static int IndexOf(IReadOnlyList<ISimulationEventHandler> handlers, ISimulationEventHandler handler)
    {
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] == handler)
            {
                return i;
            }
        }

        return -1;
    }
}
