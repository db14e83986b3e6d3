using IronicCore.Simulation;

namespace IronicCore.Tests.Simulation;

[TestFixture]
public sealed class SimulationClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void NewClock_StandsAt2026InUtc_WithNothingPending()
    {
        var clock = new SimulationClock();

        Assert.Multiple(() =>
        {
            Assert.That(clock.GetUtcNow(), Is.EqualTo(Start));
            Assert.That(clock.GetUtcNow().Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(SimulationClock.DefaultStart, Is.EqualTo(Start));
            Assert.That(clock.LocalTimeZone, Is.EqualTo(TimeZoneInfo.Utc));
            Assert.That(clock.PendingCount, Is.Zero);
            Assert.That(clock.TryPeekNextDue(out _), Is.False);
        });
    }

    [Test]
    public void Start_WithAnOffset_KeepsTheInstant_ReportedInUtc()
    {
        var clock = new SimulationClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(2)));

        Assert.Multiple(() =>
        {
            Assert.That(clock.GetUtcNow(), Is.EqualTo(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero)));
            Assert.That(clock.GetUtcNow().Offset, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void Timestamps_FollowVirtualTimeToTheTick()
    {
        var clock = new SimulationClock();
        var before = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromTicks(1));
        clock.Advance(TimeSpan.FromDays(30));

        Assert.Multiple(() =>
        {
            Assert.That(clock.TimestampFrequency, Is.EqualTo(TimeSpan.TicksPerSecond));
            Assert.That(clock.GetTimestamp() - before, Is.EqualTo(TimeSpan.FromDays(30).Ticks + 1));
            Assert.That(clock.GetElapsedTime(before), Is.EqualTo(TimeSpan.FromDays(30) + TimeSpan.FromTicks(1)));
        });
    }

    [Test]
    public void Advance_RunsEventsByDueTimeThenInsertionOrder()
    {
        var clock = new SimulationClock();
        var handler = new RecordingHandler(clock);
        clock.Schedule(TimeSpan.FromSeconds(3), handler, kind: 0, subject: 1, token: 0);
        clock.Schedule(TimeSpan.FromSeconds(1), handler, kind: 0, subject: 2, token: 0);
        clock.Schedule(TimeSpan.FromSeconds(2), handler, kind: 0, subject: 3, token: 0);
        clock.Schedule(TimeSpan.FromSeconds(1), handler, kind: 0, subject: 4, token: 0);
        clock.ScheduleAt(Start.AddSeconds(2), handler, kind: 0, subject: 5, token: 0);

        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.That(handler.Subjects, Is.EqualTo(new[] { 2, 4, 3, 5, 1 }));
    }

    [Test]
    public void Advance_EventsDueAtTheSameInstant_RunFirstInFirstOut()
    {
        var clock = new SimulationClock();
        var handler = new RecordingHandler(clock);
        for (var subject = 0; subject < 1000; subject++)
        {
            clock.Schedule(TimeSpan.FromMinutes(5), handler, kind: 0, subject, token: 0);
        }

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.That(handler.Subjects, Is.EqualTo(Enumerable.Range(0, 1000)));
    }

    [Test]
    public void Advance_ManyEventsInRandomOrder_RunSortedByDueTimeThenSequence()
    {
        var clock = new SimulationClock();
        var handler = new RecordingHandler(clock);
        var random = new SeededRandom(7);
        var expected = new List<(long Due, int Subject)>();
        for (var subject = 0; subject < 5000; subject++)
        {
            var delay = TimeSpan.FromSeconds(random.Next(200));
            clock.Schedule(delay, handler, kind: 0, subject, token: 0);
            expected.Add((delay.Ticks, subject));
        }

        clock.Advance(TimeSpan.FromSeconds(200));

        Assert.That(
            handler.Subjects,
            Is.EqualTo(expected.OrderBy(e => e.Due).ThenBy(e => e.Subject).Select(e => e.Subject)));
    }

    [Test]
    public void Handler_ReceivesTheEventAsScheduled_AndSeesItsDueTimeAsNow()
    {
        var clock = new SimulationClock();
        var handler = new RecordingHandler(clock);
        clock.Schedule(TimeSpan.FromSeconds(10), handler, kind: 7, subject: 42, token: 3);
        clock.Schedule(TimeSpan.FromSeconds(25), handler, kind: 8, subject: 43, token: 4);

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            var (first, firstRanAt) = handler.Runs[0];
            Assert.That((first.Kind, first.Subject, first.Token), Is.EqualTo((7, 42, 3L)));
            Assert.That(first.Handler, Is.SameAs(handler));
            Assert.That(first.Due, Is.EqualTo(Start.AddSeconds(10)));
            Assert.That(firstRanAt, Is.EqualTo(first.Due));
            Assert.That(handler.Runs[1].RanAt, Is.EqualTo(Start.AddSeconds(25)));
            Assert.That(handler.Runs[1].Event.Sequence, Is.GreaterThan(first.Sequence));
            Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddMinutes(1)));
        });
    }

    [Test]
    public void Advance_EventsScheduledByHandlersInsideTheWindow_RunInOrder_TheRestStayPending()
    {
        var clock = new SimulationClock();
        RecordingHandler? handler = null;
        handler = new RecordingHandler(clock, e =>
        {
            if (e.Subject == 1)
            {
                clock.Schedule(TimeSpan.FromSeconds(1), handler!, kind: 0, subject: 10, token: 0);
                clock.Schedule(TimeSpan.FromSeconds(5), handler!, kind: 0, subject: 11, token: 0);
                clock.Schedule(TimeSpan.FromSeconds(60), handler!, kind: 0, subject: 12, token: 0);
            }
        });
        clock.Schedule(TimeSpan.FromSeconds(1), handler, kind: 0, subject: 1, token: 0);
        clock.Schedule(TimeSpan.FromSeconds(4), handler, kind: 0, subject: 2, token: 0);

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Subjects, Is.EqualTo(new[] { 1, 10, 2, 11 }));
            Assert.That(handler.Runs.Select(r => r.RanAt), Is.EqualTo(new[]
            {
                Start.AddSeconds(1), Start.AddSeconds(2), Start.AddSeconds(4), Start.AddSeconds(6),
            }));
            Assert.That(clock.PendingCount, Is.EqualTo(1));
            Assert.That(clock.TryPeekNextDue(out var due), Is.True);
            Assert.That(due, Is.EqualTo(Start.AddSeconds(61)));
        });
    }

    [Test]
    public void Advance_ZeroDelayEventFromAHandler_RunsAfterTheEventsAlreadyDueAtThatInstant()
    {
        var clock = new SimulationClock();
        RecordingHandler? handler = null;
        handler = new RecordingHandler(clock, e =>
        {
            if (e.Subject == 1)
            {
                clock.Schedule(TimeSpan.Zero, handler!, kind: 0, subject: 3, token: 0);
            }
        });
        clock.Schedule(TimeSpan.FromSeconds(1), handler, kind: 0, subject: 1, token: 0);
        clock.Schedule(TimeSpan.FromSeconds(1), handler, kind: 0, subject: 2, token: 0);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Subjects, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(handler.Runs.Select(r => r.RanAt), Is.All.EqualTo(Start.AddSeconds(1)));
        });
    }

    [Test]
    public void Advance_StandsAtNowPlusBy_AndNeverRunsLaterEvents()
    {
        var clock = new SimulationClock();
        var handler = new RecordingHandler(clock);
        clock.Schedule(TimeSpan.FromSeconds(10) + TimeSpan.FromTicks(1), handler, kind: 0, subject: 1, token: 0);

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Runs, Is.Empty);
            Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(10)));
        });

        clock.Advance(TimeSpan.FromTicks(1));

        Assert.That(handler.Subjects, Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void AdvanceTo_RunsEverythingDueByTheTarget_AndStandsThere()
    {
        var clock = new SimulationClock();
        var handler = new RecordingHandler(clock);
        clock.Schedule(TimeSpan.FromHours(1), handler, kind: 0, subject: 1, token: 0);
        clock.Schedule(TimeSpan.FromHours(3), handler, kind: 0, subject: 2, token: 0);

        clock.AdvanceTo(Start.AddHours(2));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Subjects, Is.EqualTo(new[] { 1 }));
            Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddHours(2)));
            Assert.That(clock.PendingCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void TheClock_NeverGoesBack()
    {
        var clock = new SimulationClock();
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(() => clock.Advance(TimeSpan.FromTicks(-1)), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => clock.AdvanceTo(Start), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddMinutes(1)));
        });
    }

    [Test]
    public void Schedule_RefusesThePastAndTheEndOfTime_AndANullHandler()
    {
        var clock = new SimulationClock();
        var handler = new RecordingHandler(clock);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(
                () => clock.Schedule(TimeSpan.FromTicks(-1), handler, 0, 0, 0),
                Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(
                () => clock.ScheduleAt(Start, handler, 0, 0, 0),
                Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(
                () => clock.Schedule(TimeSpan.MaxValue, handler, 0, 0, 0),
                Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(
                () => clock.Advance(TimeSpan.MaxValue),
                Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(
                () => clock.Schedule(TimeSpan.Zero, null!, 0, 0, 0),
                Throws.TypeOf<ArgumentNullException>());
            Assert.That(clock.PendingCount, Is.Zero);
        });
    }

    [Test]
    public void ScheduleAt_Now_IsAllowed_AndRunsAtTheNextRunDue()
    {
        var clock = new SimulationClock();
        var handler = new RecordingHandler(clock);

        clock.ScheduleAt(clock.GetUtcNow(), handler, kind: 0, subject: 1, token: 0);
        clock.RunDue();

        Assert.That(handler.Subjects, Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void RunDue_RunsEverythingDueNow_IncludingZeroDelayFollowUps_WithoutMovingTheClock()
    {
        var clock = new SimulationClock();
        RecordingHandler? handler = null;
        handler = new RecordingHandler(clock, e =>
        {
            if (e.Subject < 3)
            {
                clock.Schedule(TimeSpan.Zero, handler!, kind: 0, subject: e.Subject + 1, token: 0);
            }
        });
        clock.Schedule(TimeSpan.Zero, handler, kind: 0, subject: 1, token: 0);
        clock.Schedule(TimeSpan.FromTicks(1), handler, kind: 0, subject: 100, token: 0);

        clock.RunDue();

        Assert.Multiple(() =>
        {
            Assert.That(handler.Subjects, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(clock.GetUtcNow(), Is.EqualTo(Start));
            Assert.That(clock.PendingCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void Advancing_FromInsideAHandler_IsRefused()
    {
        var clock = new SimulationClock();
        var refusals = new List<Exception>();
        var handler = new RecordingHandler(clock, _ =>
        {
            refusals.Add(Assert.Throws<InvalidOperationException>(() => clock.Advance(TimeSpan.FromSeconds(1)))!);
            refusals.Add(Assert.Throws<InvalidOperationException>(() => clock.AdvanceTo(clock.GetUtcNow()))!);
            refusals.Add(Assert.Throws<InvalidOperationException>(clock.RunDue)!);
        });
        clock.Schedule(TimeSpan.FromSeconds(1), handler, kind: 0, subject: 1, token: 0);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(refusals, Has.Count.EqualTo(3));
            Assert.That(refusals[0].Message, Does.Contain("inside an event handler"));
            Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(5)));
        });
    }

    [Test]
    public void HandlerThrows_ExceptionPropagates_ClockStaysAtThatEvent_LaterEventsStayQueued()
    {
        var clock = new SimulationClock();
        var handler = new RecordingHandler(clock, e =>
        {
            if (e.Subject == 2)
            {
                throw new InvalidDataException("boom");
            }
        });
        clock.Schedule(TimeSpan.FromSeconds(1), handler, kind: 0, subject: 1, token: 0);
        clock.Schedule(TimeSpan.FromSeconds(2), handler, kind: 0, subject: 2, token: 0);
        clock.Schedule(TimeSpan.FromSeconds(3), handler, kind: 0, subject: 3, token: 0);

        Assert.Multiple(() =>
        {
            Assert.That(() => clock.Advance(TimeSpan.FromSeconds(10)), Throws.TypeOf<InvalidDataException>());
            Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(2)));
            Assert.That(clock.PendingCount, Is.EqualTo(1));
        });

        clock.Advance(TimeSpan.FromSeconds(8));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Subjects, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(10)));
        });
    }

    [Test]
    public void ScheduleAndRun_AllocateNothingPerEvent()
    {
        const int Events = 100_000;
        var clock = new SimulationClock();
        var handler = new ReschedulingHandler(clock);

        // The first round grows the heap to its working size and gets every method jitted.
        RunRound(clock, handler, Events);
        var before = GC.GetAllocatedBytesForCurrentThread();
        RunRound(clock, handler, Events);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero);
            Assert.That(handler.Runs, Is.EqualTo(4L * Events));
        });

        static void RunRound(SimulationClock clock, ReschedulingHandler handler, int events)
        {
            for (var subject = 0; subject < events; subject++)
            {
                clock.Schedule(TimeSpan.FromSeconds(subject % 97), handler, kind: 1, subject, token: subject);
            }

            clock.Advance(TimeSpan.FromMinutes(10));
        }
    }

    /// <summary>Each kind-1 event schedules a kind-2 follow-up, as a conductor step schedules its timeout.</summary>
    private sealed class ReschedulingHandler(SimulationClock clock) : ISimulationEventHandler
    {
        public long Runs { get; private set; }

        public void Handle(in ScheduledEvent scheduled)
        {
            Runs++;
            if (scheduled.Kind == 1)
            {
                clock.Schedule(TimeSpan.FromSeconds(30), this, kind: 2, scheduled.Subject, scheduled.Token + 1);
            }
        }
    }
}
