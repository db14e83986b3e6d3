namespace IronicCore.Simulation;

/// <summary>
/// The simulation's virtual clock: a <see cref="TimeProvider"/> whose time moves only when
/// <see cref="Advance"/>, <see cref="AdvanceTo"/> or <see cref="RunDue"/> is called, jumping from
/// one scheduled event to the next. Events run in order of due time, then of insertion; the
/// clock never goes back. Scheduling and running an event allocates nothing.
/// </summary>
/// <remarks>
/// It keeps the contract of <c>FakeTimeProvider</c> (Microsoft.Extensions.TimeProvider.Testing),
/// to the tick rather than the millisecond, so code written against <see cref="TimeProvider"/>
/// (<see cref="Task.Delay(TimeSpan, TimeProvider)"/>, <see cref="PeriodicTimer"/>,
/// <see cref="CancellationTokenSource(TimeSpan, TimeProvider)"/>) runs on virtual time.
/// Not thread-safe: one simulation thread schedules, advances and runs every handler and timer
/// callback.
/// </remarks>
public sealed partial class SimulationClock : TimeProvider
{
    private readonly EventHeap queue = new();
    private long nowTicks;
    private long nextSequence;
    private bool running;

    /// <summary>Creates a clock standing at <see cref="DefaultStart"/>, with nothing scheduled.</summary>
    public SimulationClock()
        : this(DefaultStart)
    {
    }

    /// <summary>Creates a clock standing at <paramref name="start"/>, with nothing scheduled.</summary>
    /// <param name="start">The first virtual instant; any offset, the clock reports it in UTC.</param>
    public SimulationClock(DateTimeOffset start)
    {
        nowTicks = start.UtcTicks;
    }

    /// <summary>Where a clock created without a start stands: 2026-01-01T00:00:00Z.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>UTC: virtual time has no local zone to drift with.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>
    /// <see cref="TimeSpan.TicksPerSecond"/>: a timestamp is virtual time in ticks, so
    /// <see cref="TimeProvider.GetElapsedTime(long, long)"/> is exact.
    /// </summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>
    /// How many events are queued, counting those their handlers will ignore as stale and the
    /// firings of timers changed or disposed since they were armed: the clock cannot tell them apart.
    /// </summary>
    public int PendingCount => queue.Count;

    /// <summary>How many events the clock has run since it was made: the simulation's unit of work, for events-per-second figures.</summary>
    public long EventsRun { get; private set; }

    /// <summary>Whether an event is running now (so the caller is inside the simulation, not in front of it).</summary>
    internal bool IsRunning => running;

    /// <summary>The current virtual time, in UTC; while an event runs, that event's due time.</summary>
    /// <returns>The current virtual time.</returns>
    public override DateTimeOffset GetUtcNow() => new(nowTicks, TimeSpan.Zero);

    /// <summary>The current virtual time in ticks (see <see cref="TimestampFrequency"/>).</summary>
    /// <returns>The current virtual time in ticks.</returns>
    public override long GetTimestamp() => nowTicks;

    /// <summary>The due time of the next queued event, if any (it may be one its handler will ignore).</summary>
    /// <param name="due">The earliest due time, in UTC; <see langword="default"/> when nothing is queued.</param>
    /// <returns>Whether an event is queued.</returns>
    public bool TryPeekNextDue(out DateTimeOffset due)
    {
        if (queue.Count == 0)
        {
            due = default;
            return false;
        }

        due = queue.Peek().Due;
        return true;
    }

    /// <summary>
    /// Schedules an event <paramref name="delay"/> from now. It runs after every event already
    /// scheduled for the same instant. Allocates nothing once the queue has grown to its working size.
    /// </summary>
    /// <param name="delay">How long from now; zero runs it at the next <see cref="RunDue"/> or advance.</param>
    /// <param name="handler">Who runs the event.</param>
    /// <param name="kind">Handed back in <see cref="ScheduledEvent.Kind"/>.</param>
    /// <param name="subject">Handed back in <see cref="ScheduledEvent.Subject"/>.</param>
    /// <param name="token">Handed back in <see cref="ScheduledEvent.Token"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative or goes past <see cref="DateTimeOffset.MaxValue"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is <see langword="null"/>.</exception>
    public void Schedule(TimeSpan delay, ISimulationEventHandler handler, int kind, int subject, long token)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delay.Ticks, DateTimeOffset.MaxValue.UtcTicks - nowTicks, nameof(delay));
        Enqueue(nowTicks + delay.Ticks, handler, kind, subject, token);
    }

    /// <summary>
    /// Schedules an event at <paramref name="due"/>. It runs after every event already scheduled
    /// for the same instant. Allocates nothing once the queue has grown to its working size.
    /// </summary>
    /// <param name="due">When; now or later, any offset.</param>
    /// <param name="handler">Who runs the event.</param>
    /// <param name="kind">Handed back in <see cref="ScheduledEvent.Kind"/>.</param>
    /// <param name="subject">Handed back in <see cref="ScheduledEvent.Subject"/>.</param>
    /// <param name="token">Handed back in <see cref="ScheduledEvent.Token"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="due"/> is in the past.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is <see langword="null"/>.</exception>
    public void ScheduleAt(DateTimeOffset due, ISimulationEventHandler handler, int kind, int subject, long token)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(due, GetUtcNow());
        Enqueue(due.UtcTicks, handler, kind, subject, token);
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="by"/>, running every event due by then, in order,
    /// including those scheduled by the handlers that fall inside the window; then stands at
    /// now + <paramref name="by"/>.
    /// </summary>
    /// <param name="by">How far; zero runs what is due now, like <see cref="RunDue"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is negative or goes past <see cref="DateTimeOffset.MaxValue"/>.</exception>
    /// <exception cref="InvalidOperationException">Called from inside an event handler or timer callback.</exception>
    /// <remarks>
    /// An exception thrown by a handler propagates out unchanged; the clock then stands at that
    /// event's due time and the events after it stay queued.
    /// </remarks>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(by.Ticks, DateTimeOffset.MaxValue.UtcTicks - nowTicks, nameof(by));
        RunUntil(nowTicks + by.Ticks);
    }

    /// <summary>
    /// Moves the clock forward to <paramref name="target"/>, running every event due by then, in
    /// order, including those scheduled by the handlers that fall inside the window.
    /// </summary>
    /// <param name="target">Where the clock stands afterwards; now or later, any offset.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is in the past: the clock never goes back.</exception>
    /// <exception cref="InvalidOperationException">Called from inside an event handler or timer callback.</exception>
    /// <remarks>A handler's exception propagates as from <see cref="Advance"/>.</remarks>
    public void AdvanceTo(DateTimeOffset target)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(target, GetUtcNow());
        RunUntil(target.UtcTicks);
    }

    /// <summary>
    /// Runs every event due now, including those the handlers schedule with zero delay, without
    /// moving the clock.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from inside an event handler or timer callback.</exception>
    /// <remarks>A handler's exception propagates as from <see cref="Advance"/>.</remarks>
    public void RunDue() => RunUntil(nowTicks);

    /// <summary>
    /// Creates a timer on virtual time: it fires when the clock is advanced to its due time, with
    /// <see cref="GetUtcNow"/> at that time, on the thread advancing the clock; a periodic timer
    /// re-arms one period after each firing.
    /// </summary>
    /// <remarks>
    /// Unlike a system timer, a zero due time does not fire at once: it fires at the next
    /// <see cref="RunDue"/> or advance, so callbacks only ever run in event order. The queue keeps an
    /// armed timer alive, so dispose periodic timers; forgotten ones keep firing.
    /// </remarks>
    /// <param name="callback">Called at each firing.</param>
    /// <param name="state">Passed to <paramref name="callback"/>.</param>
    /// <param name="dueTime">Until the first firing; <see cref="Timeout.InfiniteTimeSpan"/> leaves the timer unarmed.</param>
    /// <param name="period">Between firings; <see cref="Timeout.InfiniteTimeSpan"/> or zero fires once.</param>
    /// <returns>The timer; <see cref="ITimer.Change"/> re-arms it, disposing it stops it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="dueTime"/> or <paramref name="period"/> is negative (other than infinite) or
    /// above 4294967294 ms, as for <see cref="Timer"/>.
    /// </exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SimulationTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Enqueue(long dueTicks, ISimulationEventHandler handler, int kind, int subject, long token)
    {
        ArgumentNullException.ThrowIfNull(handler);
        queue.Push(new ScheduledEvent(handler, kind, subject, token) { DueTicks = dueTicks, Sequence = nextSequence++ });
    }

    // The next event's slot was hinted an event ago (EventHeap.PrefetchNext), so reading it here
    // is cheap, and its handler's memory loads while the current event runs.
    private void HintUpcoming()
    {
        if (queue.Count > 0 && queue.Peek() is { Handler: IPrefetchingEventHandler handler } upcoming)
        {
            handler.Prefetch(in upcoming);
        }
    }

    private void RunUntil(long targetTicks)
    {
        if (running)
        {
            throw new InvalidOperationException(
                "The simulation clock cannot be advanced from inside an event handler or timer callback: " +
                "it runs one event at a time. Schedule an event instead.");
        }

        running = true;
        try
        {
            while (queue.Count > 0 && queue.Peek().DueTicks <= targetTicks)
            {
                var next = queue.Pop();

                // Nothing is ever scheduled before now, so due times only grow: time never goes back.
                nowTicks = next.DueTicks;
                EventsRun++;
                HintUpcoming();
                next.Handler.Handle(in next);
            }

            nowTicks = targetTicks;
        }
        finally
        {
            running = false;
        }
    }
}
