using IronicCore.Simulation;

namespace IronicCore.Tests.Simulation;

/// <summary>
/// The clock's queue sorts by the highest bit in which a key (due time, then sequence number)
/// differs from the last one taken out: the order (due time, then sequence number, the insertion
/// order Ironic's simulated workers rely on) must hold over the whole range of both, whatever
/// was read or queued between, and an event that would not run after the last one is refused.
/// </summary>
[TestFixture]
public sealed class EventQueueTests
{
    private static readonly ISimulationEventHandler Nobody = new RecordingHandler(new SimulationClock());

    [Test]
    public void Events_PopInDueTimeThenSequenceOrder_OverTheWholeRangeOfBoth()
    {
        var queue = new EventQueue();
        var random = new SeededRandom(11);
        var pending = new SortedSet<(long Due, long Sequence)>();
        var misordered = 0;
        long now = 0;
        long sequence = 0;

        // As the clock does: each push is due now or later with a higher sequence number than any
        // before; the steps in both go from 1 to far beyond a day or a million events, so keys
        // differ from the last in low and high bits alike, and many share a due time.
        for (var round = 0; round < 2000; round++)
        {
            for (var i = random.Next(8); i >= 0; i--)
            {
                sequence += 1 + (random.Next(4) == 0 ? random.Next(1 << 20) * (1L << random.Next(30)) : 0);
                var due = now + (random.Next(3) == 0 ? 0 : random.Next(1000) * (1L << random.Next(36)));
                queue.Push(Event(due, sequence, subject: round));
                pending.Add((due, sequence));
            }

            for (var i = random.Next(8); i >= 0 && queue.Count > 0; i--)
            {
                var next = queue.Pop();
                misordered += (next.DueTicks, next.Sequence) == pending.Min ? 0 : 1;
                pending.Remove((next.DueTicks, next.Sequence));
                now = next.DueTicks;
            }
        }

        while (queue.Count > 0)
        {
            var next = queue.Pop();
            misordered += (next.DueTicks, next.Sequence) == pending.Min ? 0 : 1;
            pending.Remove((next.DueTicks, next.Sequence));
        }

        Assert.Multiple(() =>
        {
            Assert.That(misordered, Is.Zero);
            Assert.That(pending, Is.Empty);
            Assert.That(sequence, Is.GreaterThan(1L << 50));
        });
    }

    [Test]
    public void Pop_GivesBackTheEventAsPushed()
    {
        var queue = new EventQueue();
        var pushed = new ScheduledEvent(Nobody, Kind: 7, Subject: 42, Token: -3) { DueTicks = long.MaxValue, Sequence = long.MaxValue };

        queue.Push(pushed);

        Assert.Multiple(() =>
        {
            Assert.That(queue.PeekDueTicks(), Is.EqualTo(long.MaxValue));
            Assert.That(queue.Pop(), Is.EqualTo(pushed));
            Assert.That(queue.Count, Is.Zero);
        });
    }

    [Test]
    public void AnEventNotAfterTheLastTakenOut_OrWithANegativeSequenceNumber_IsRefused_AndTheQueueIsUnchanged()
    {
        var queue = new EventQueue();
        queue.Push(Event(due: 5, sequence: 10, subject: 1));
        queue.Push(Event(due: 9, sequence: 11, subject: 2));
        queue.Pop();

        Assert.Multiple(() =>
        {
            Assert.That(() => queue.Push(Event(due: 4, sequence: 12, subject: 3)), Throws.InvalidOperationException);
            Assert.That(() => queue.Push(Event(due: 5, sequence: 9, subject: 4)), Throws.InvalidOperationException);
            Assert.That(() => queue.Push(Event(due: 5, sequence: 10, subject: 6)), Throws.InvalidOperationException);
            Assert.That(() => queue.Push(Event(due: 6, sequence: -1, subject: 5)), Throws.InvalidOperationException);
            Assert.That(queue.Count, Is.EqualTo(1));
            Assert.That(queue.Pop().Subject, Is.EqualTo(2));
        });
    }

    [Test]
    public void AnEventQueuedAfterAPeek_BeforeThePeekedOne_RunsFirst()
    {
        var queue = new EventQueue();
        queue.Push(Event(due: 60, sequence: 0, subject: 1));
        queue.Push(Event(due: 90, sequence: 1, subject: 2));

        // As a clock standing at 0 reads its next due time, then schedules at 0.
        var peeked = queue.PeekDueTicks();
        queue.Push(Event(due: 0, sequence: 2, subject: 3));

        Assert.Multiple(() =>
        {
            Assert.That(peeked, Is.EqualTo(60));
            Assert.That(queue.PeekDueTicks(), Is.Zero);
            Assert.That(new[] { queue.Pop().Subject, queue.Pop().Subject, queue.Pop().Subject }, Is.EqualTo(new[] { 3, 1, 2 }));
        });
    }

    [Test]
    public void Clear_ForgetsTheLastTakenOut_SoASnapshotsEarlierQueueCanBeRestored()
    {
        var queue = new EventQueue();
        queue.Push(Event(due: 50, sequence: 10, subject: 1));
        queue.Pop();

        queue.Clear();
        queue.Push(Event(due: 7, sequence: 3, subject: 2));
        queue.Push(Event(due: 7, sequence: 2, subject: 3));

        Assert.That(new[] { queue.Pop().Subject, queue.Pop().Subject }, Is.EqualTo(new[] { 3, 2 }));
    }

    private static ScheduledEvent Event(long due, long sequence, int subject) =>
        new(Nobody, Kind: 0, subject, Token: 0) { DueTicks = due, Sequence = sequence };
}
