using IronicCore.Persistence;
using MessagePack;

namespace IronicCore.Simulation;

/// <summary>
/// The clock in a snapshot: its time and count of events run, then (last, once every handler
/// exists again) its queue with each event's handler as an index into the snapshot's table of
/// handlers, and the exact sequence numbers, so events run in the same order after loading.
/// </summary>
public sealed partial class SimulationClock
{
    /// <summary>A clock standing where a snapshot's stood, with an empty queue until <see cref="ReadQueue"/>.</summary>
    internal static SimulationClock ReadTime(ref MessagePackReader reader)
    {
        SnapshotCodec.Expect(ref reader, 2, "the clock");
        var clock = new SimulationClock(SnapshotCodec.ReadTime(ref reader));
        clock.EventsRun = reader.ReadInt64();
        return clock;
    }

    internal void WriteTime(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(2);
        writer.Write(nowTicks);
        writer.Write(EventsRun);
    }

    /// <summary>Checks that every queued event belongs to one of <paramref name="handlers"/>, before anything is written.</summary>
    /// <exception cref="SnapshotUnsupportedException">An event belongs to someone else, e.g. a timer with a callback.</exception>
    internal List<ScheduledEvent> QueuedFor(IReadOnlyList<ISimulationEventHandler> handlers)
    {
        var events = new List<ScheduledEvent>(queue.Count);
        queue.CopyTo(events);
        foreach (var scheduled in events)
        {
            if (!handlers.Contains(scheduled.Handler))
            {
                throw new SnapshotUnsupportedException(scheduled.Handler is SimulationTimer
                    ? "A timer made with the clock's CreateTimer is pending: its callback is code, which a snapshot cannot hold. Dispose it before saving."
                    : $"An event of {scheduled.Handler.GetType().Name} is pending: only the conductor's and the fleet's own events can be saved.");
            }
        }

        events.Sort((a, b) => a.DueTicks != b.DueTicks ? a.DueTicks.CompareTo(b.DueTicks) : a.Sequence.CompareTo(b.Sequence));
        return events;
    }

    /// <summary>Writes the queue checked by <see cref="QueuedFor"/>: the next sequence number, then each event's six numbers.</summary>
    internal void WriteQueue(ref MessagePackWriter writer, List<ScheduledEvent> events, IReadOnlyList<ISimulationEventHandler> handlers)
    {
        writer.WriteArrayHeader(2);
        writer.Write(nextSequence);
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
    internal void ReadQueue(ref MessagePackReader reader, IReadOnlyList<ISimulationEventHandler> handlers)
    {
        SnapshotCodec.Expect(ref reader, 2, "the event queue");
        var sequence = reader.ReadInt64();
        var values = reader.ReadArrayHeader();
        if (values % 6 != 0)
        {
            throw new MessagePackSerializationException("the event queue's length is not a whole number of events");
        }

        queue.Clear();
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

            queue.Push(scheduled);
        }

        nextSequence = sequence;
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
