using IronicCore.Simulation;

namespace IronicCore.Tests.Simulation;

[TestFixture]
public sealed class SimulationClockTimerTests
{
    private static readonly DateTimeOffset Start = SimulationClock.DefaultStart;

    [Test]
    public async Task TaskDelay_CompletesWhenTheClockReachesItsDueTime()
    {
        var clock = new SimulationClock();
        var delay = Task.Delay(TimeSpan.FromMinutes(30), clock);

        clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromTicks(1));
        Assert.That(delay.IsCompleted, Is.False);

        clock.Advance(TimeSpan.FromTicks(1));
        Assert.That(delay.IsCompletedSuccessfully, Is.True);
        await delay.ConfigureAwait(false);
    }

    [Test]
    public void TaskDelay_Cancelled_NeverFires()
    {
        var clock = new SimulationClock();
        using var cancellation = new CancellationTokenSource();
        var delay = Task.Delay(TimeSpan.FromMinutes(1), clock, cancellation.Token);

        cancellation.Cancel();
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.That(delay.IsCanceled, Is.True);
    }

    [Test]
    public async Task AsyncCode_AwaitingDelays_RunsOnVirtualTime()
    {
        var clock = new SimulationClock();
        var seen = new List<DateTimeOffset>();

        async Task PollThreeTimes()
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), clock).ConfigureAwait(false);
                seen.Add(clock.GetUtcNow());
            }
        }

        var polling = PollThreeTimes();
        clock.Advance(TimeSpan.FromMinutes(1));
        await polling.ConfigureAwait(false);

        Assert.That(seen, Is.EqualTo(new[] { Start.AddSeconds(10), Start.AddSeconds(20), Start.AddSeconds(30) }));
    }

    [Test]
    public void CancellationTokenSource_WithADelay_CancelsOnVirtualTime()
    {
        var clock = new SimulationClock();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1800), clock);

        clock.Advance(TimeSpan.FromSeconds(1799));
        Assert.That(timeout.IsCancellationRequested, Is.False);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(timeout.IsCancellationRequested, Is.True);
    }

    [Test]
    public async Task PeriodicTimer_TicksOncePerPeriodOfVirtualTime()
    {
        var clock = new SimulationClock();
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);

        var first = timer.WaitForNextTickAsync();
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.That(first.IsCompleted, Is.False);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(first.IsCompleted, Is.True);
        Assert.That(await first.ConfigureAwait(false), Is.True);

        var second = timer.WaitForNextTickAsync();
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.That(second.IsCompleted, Is.False);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await second.ConfigureAwait(false), Is.True);
    }

    [Test]
    public void PeriodicTimerCallback_FiresAtEveryPeriod_SeeingItsOwnDueTime()
    {
        var clock = new SimulationClock();
        var firings = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => firings.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(35));

        Assert.That(firings, Is.EqualTo(new[]
        {
            Start.AddSeconds(5), Start.AddSeconds(15), Start.AddSeconds(25), Start.AddSeconds(35),
        }));
    }

    [Test]
    public void OneShotTimer_FiresOnce_WithItsState()
    {
        var clock = new SimulationClock();
        var states = new List<object?>();
        using var timer = clock.CreateTimer(states.Add, "state", TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromHours(1));

        Assert.That(states, Is.EqualTo(new[] { "state" }));
    }

    [Test]
    public void ZeroDueTime_FiresAtTheNextRunDue_NotInsideCreateTimer()
    {
        var clock = new SimulationClock();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        Assert.That(fired, Is.Zero);

        clock.RunDue();

        Assert.That(fired, Is.EqualTo(1));
    }

    [Test]
    public void Change_ReArmsTheTimer_TheOldDueTimeIsIgnored()
    {
        var clock = new SimulationClock();
        var firings = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => firings.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        Assert.That(timer.Change(TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan), Is.True);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(firings, Is.EqualTo(new[] { Start.AddSeconds(20) }));
    }

    [Test]
    public void Change_ToAnInfiniteDueTime_DisarmsTheTimer()
    {
        var clock = new SimulationClock();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(2));
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(fired, Is.EqualTo(2));
    }

    [Test]
    public void Callback_CanChangeItsOwnTimer()
    {
        var clock = new SimulationClock();
        var firings = new List<DateTimeOffset>();
        ITimer? timer = null;
        timer = clock.CreateTimer(
            _ =>
            {
                firings.Add(clock.GetUtcNow());
                timer!.Change(TimeSpan.FromSeconds(firings.Count * 10), TimeSpan.FromSeconds(1));
            },
            null,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(31));
        timer.Dispose();

        Assert.That(firings, Is.EqualTo(new[] { Start.AddSeconds(1), Start.AddSeconds(11), Start.AddSeconds(31) }));
    }

    [Test]
    public async Task Dispose_StopsTheTimer_AndChangeThenReturnsFalse()
    {
        var clock = new SimulationClock();
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(1));
        await timer.DisposeAsync().ConfigureAwait(false);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(fired, Is.EqualTo(1));
            Assert.That(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan), Is.False);
        });
    }

    [Test]
    public void CreateTimer_RefusesWhatSystemTimersRefuse()
    {
        var clock = new SimulationClock();

        Assert.Multiple(() =>
        {
            Assert.That(
                () => clock.CreateTimer(null!, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan),
                Throws.TypeOf<ArgumentNullException>());
            Assert.That(
                () => clock.CreateTimer(_ => { }, null, TimeSpan.FromTicks(-1), Timeout.InfiniteTimeSpan),
                Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(
                () => clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(-2)),
                Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(
                () => clock.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(uint.MaxValue), Timeout.InfiniteTimeSpan),
                Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(clock.PendingCount, Is.Zero);
        });
    }
}
