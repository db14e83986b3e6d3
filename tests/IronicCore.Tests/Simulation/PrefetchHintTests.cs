using IronicCore.Simulation;

namespace IronicCore.Tests.Simulation;

/// <summary>
/// The clock's cache hints (CacheLines, IPrefetchingEventHandler): asked about the next queued
/// event before the current one runs, and never a change to what runs or when.
/// </summary>
[TestFixture]
public sealed class PrefetchHintTests
{
    [Test]
    public void Clock_HintsTheNextQueuedEvent_BeforeRunningTheCurrentOne()
    {
        var clock = new SimulationClock();
        var handler = new HintRecordingHandler();
        clock.Schedule(TimeSpan.FromSeconds(2), handler, kind: 0, subject: 2, token: 0);
        clock.Schedule(TimeSpan.FromSeconds(1), handler, kind: 0, subject: 1, token: 0);
        clock.Schedule(TimeSpan.FromSeconds(3), handler, kind: 0, subject: 3, token: 0);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.That(handler.Log, Is.EqualTo(new[] { "hint 2", "run 1", "hint 3", "run 2", "run 3" }));
    }

    [Test]
    public void Hint_ForAnEventThatAHandlerThenOvertakes_ChangesNothingThatRuns()
    {
        var clock = new SimulationClock();
        var handler = new HintRecordingHandler(scheduled =>
        {
            if (scheduled.Subject == 1)
            {
                // Queued at once: it runs before subject 2, which was hinted as the next event.
                return (TimeSpan.Zero, 9);
            }

            return null;
        }, clock);
        clock.Schedule(TimeSpan.FromSeconds(1), handler, kind: 0, subject: 1, token: 0);
        clock.Schedule(TimeSpan.FromSeconds(2), handler, kind: 0, subject: 2, token: 0);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.That(handler.Log, Is.EqualTo(new[] { "hint 2", "run 1", "hint 2", "run 9", "run 2" }));
    }

    [Test]
    public void Clock_HintsOnlyHandlersThatPrefetch_AndRunsOthersAsBefore()
    {
        var clock = new SimulationClock();
        var plain = new RecordingHandler(clock);
        var hinted = new HintRecordingHandler();
        clock.Schedule(TimeSpan.FromSeconds(1), hinted, kind: 0, subject: 1, token: 0);
        clock.Schedule(TimeSpan.FromSeconds(2), plain, kind: 0, subject: 2, token: 0);
        clock.Schedule(TimeSpan.FromSeconds(3), hinted, kind: 0, subject: 3, token: 0);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(hinted.Log, Is.EqualTo(new[] { "run 1", "hint 3", "run 3" }));
            Assert.That(plain.Subjects, Is.EqualTo(new[] { 2 }));
        });
    }

    [Test]
    public void CacheLines_AcceptNullObjectsAndAnyObjectSize()
    {
        var small = new object();
        var elements = new long[3];

        Assert.DoesNotThrow(() =>
        {
            CacheLines.Prefetch(null, lines: 6);
            CacheLines.Prefetch(small, lines: 6);
            CacheLines.Prefetch(ref elements[2]);
        });
    }

    private sealed class HintRecordingHandler(
        Func<ScheduledEvent, (TimeSpan Delay, int Subject)?>? react = null,
        SimulationClock? clock = null) : IPrefetchingEventHandler
    {
        public List<string> Log { get; } = [];

        public void Handle(in ScheduledEvent scheduled)
        {
            Log.Add($"run {scheduled.Subject}");
            if (react?.Invoke(scheduled) is { } next)
            {
                clock!.Schedule(next.Delay, this, kind: 0, next.Subject, token: 0);
            }
        }

        public void Prefetch(in ScheduledEvent upcoming) => Log.Add($"hint {upcoming.Subject}");
    }
}
