using System.Buffers;
using IronicCore.Persistence;
using IronicCore.Simulation;
using IronicCore.Tests.Simulation;
using MessagePack;

namespace IronicCore.Tests.Persistence;

/// <summary>
/// A snapshot's event queue keeps each event's sequence number, which orders events due at the
/// same instant; one the clock's queue cannot hold is refused as a corrupt file, before the queue changes.
/// </summary>
[TestFixture]
public sealed class ClockSnapshotTests
{
    [Test]
    public void Queue_WithItsSequenceNumbers_IsRestoredInTheSameOrder()
    {
        var clock = new SimulationClock();
        var handler = new RecordingHandler(clock);

        Read(clock, Queue(nextSequence: 10, (Due: 5, Sequence: 9, Subject: 1), (5, 3, 2), (4, 8, 3)), handler);
        clock.Advance(TimeSpan.FromTicks(5));

        Assert.That(handler.Subjects, Is.EqualTo(new[] { 3, 2, 1 }));
    }

    [TestCase(-1L, TestName = "NextSequenceNumber_Negative_IsRefused")]
    [TestCase(EventHeap.MaxSequence + 2, TestName = "NextSequenceNumber_BeyondTheQueuesRange_IsRefused")]
    public void NextSequenceNumber_OutsideTheQueuesRange_IsRefused(long nextSequence)
    {
        var clock = new SimulationClock();

        Assert.That(
            () => Read(clock, Queue(nextSequence), new RecordingHandler(clock)),
            Throws.InstanceOf<MessagePackSerializationException>().With.Message.Contains("sequence number"));
    }

    [Test]
    public void AnEventWithANegativeSequenceNumber_IsRefused_AndTheQueueIsUnchanged()
    {
        var clock = new SimulationClock();
        var handler = new RecordingHandler(clock);
        clock.Schedule(TimeSpan.FromTicks(1), handler, kind: 0, subject: 7, token: 0);

        Assert.Multiple(() =>
        {
            Assert.That(
                () => Read(clock, Queue(nextSequence: 10, (Due: 5, Sequence: -1, Subject: 1)), handler),
                Throws.InstanceOf<MessagePackSerializationException>().With.Message.Contains("sequence number"));
            Assert.That(clock.PendingCount, Is.EqualTo(1));
        });
    }

    private static byte[] Queue(long nextSequence, params (long Due, long Sequence, int Subject)[] events)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(2);
        writer.Write(nextSequence);
        writer.WriteArrayHeader(events.Length * 6);
        foreach (var (due, sequence, subject) in events)
        {
            writer.Write(0);
            writer.Write(0);
            writer.Write(subject);
            writer.Write(0L);
            writer.Write(due + SimulationClock.DefaultStart.UtcTicks);
            writer.Write(sequence);
        }

        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void Read(SimulationClock clock, byte[] queue, ISimulationEventHandler handler)
    {
        var reader = new MessagePackReader(queue);
        ClockSnapshot.ReadQueue(clock, ref reader, [handler]);
    }
}
