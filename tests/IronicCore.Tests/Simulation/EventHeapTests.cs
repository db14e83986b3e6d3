using IronicCore.Simulation;

namespace IronicCore.Tests.Simulation;

/// <summary>
/// The clock's queue packs an event's sequence number and slot into one word of its key: the order
/// (due time, then sequence number, the insertion order Ironic's simulated workers rely on) must
/// hold across the whole range of sequence numbers, with slots freed and reused.
/// </summary>
[TestFixture]
public sealed class EventHeapTests
{
    private static readonly ISimulationEventHandler Nobody = new RecordingHandler(new SimulationClock());

    [Test]
    public void Events_PopInDueTimeThenSequenceOrder_AcrossTheWholeSequenceRange_WithSlotsReused()
    {
        var heap = new EventHeap();
        var random = new SeededRandom(11);
        var pending = new SortedSet<(long Due, long Sequence)>();
        var misordered = 0;

        // Sequence numbers from both ends of the range (the highest bits set), pushed in an order
        // unrelated to their sequence; popping half between rounds frees slots the next round
        // reuses. Each pop must be the earliest pending event.
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 3000; i++)
            {
                var sequence = i % 2 == 0 ? (round * 3000) + i : EventHeap.MaxSequence - (round * 3000) - i;
                var due = random.Next(50);
                heap.Push(Event(due, sequence, subject: i));
                pending.Add((due, sequence));
            }

            var pops = round < 3 ? 1500 : heap.Count;
            for (var i = 0; i < pops; i++)
            {
                var next = heap.Pop();
                misordered += (next.DueTicks, next.Sequence) == pending.Min ? 0 : 1;
                pending.Remove((next.DueTicks, next.Sequence));
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(misordered, Is.Zero);
            Assert.That(heap.Count, Is.Zero);
            Assert.That(pending, Is.Empty);
        });
    }

    [Test]
    public void Pop_GivesBackTheEventAsPushed()
    {
        var heap = new EventHeap();
        var pushed = new ScheduledEvent(Nobody, Kind: 7, Subject: 42, Token: -3) { DueTicks = 1234, Sequence = EventHeap.MaxSequence };

        heap.Push(pushed);

        Assert.That(heap.Pop(), Is.EqualTo(pushed));
    }

    [Test]
    public void ASequenceNumberOutsideTheKeysRange_IsRefused_AndTheHeapIsUnchanged()
    {
        var heap = new EventHeap();
        heap.Push(Event(due: 5, sequence: 0, subject: 1));

        Assert.Multiple(() =>
        {
            Assert.That(() => heap.Push(Event(due: 1, sequence: EventHeap.MaxSequence + 1, subject: 2)), Throws.InvalidOperationException);
            Assert.That(() => heap.Push(Event(due: 1, sequence: -1, subject: 3)), Throws.InvalidOperationException);
            Assert.That(heap.Count, Is.EqualTo(1));
            Assert.That(heap.Pop().Subject, Is.EqualTo(1));
        });
    }

    private static ScheduledEvent Event(long due, long sequence, int subject) =>
        new(Nobody, Kind: 0, subject, Token: 0) { DueTicks = due, Sequence = sequence };
}
