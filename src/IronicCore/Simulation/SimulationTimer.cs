namespace IronicCore.Simulation;

/// <summary>
/// A <see cref="ITimer"/> on a <see cref="SimulationClock"/>: each arming is an event on the
/// clock's queue tagged with the timer's generation, and <see cref="Change"/> or
/// <see cref="Dispose"/> moves the generation on, so firings of an older arming are ignored
/// when they come due rather than searched for and removed from the heap.
/// </summary>
internal sealed class SimulationTimer(SimulationClock clock, TimerCallback callback, object? state)
    : ITimer, ISimulationEventHandler
{
    // System.Threading.Timer's limit, kept so code that works on TimeProvider.System works here.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private long generation;
    private TimeSpan period;
    private bool disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, nameof(dueTime));
        Validate(period, nameof(period));
        if (disposed)
        {
            return false;
        }

        var armed = generation + 1;
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            // Scheduled before any field changes, so a refusal leaves the timer as it was.
            clock.Schedule(dueTime, this, kind: 0, subject: 0, token: armed);
        }

        generation = armed;
        this.period = period;
        return true;
    }

    public void Handle(in ScheduledEvent scheduled)
    {
        if (scheduled.Token != generation)
        {
            return;
        }

        // Re-armed before the callback runs, so a Change made by the callback supersedes it.
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
        {
            clock.Schedule(period, this, kind: 0, subject: 0, token: generation);
        }

        callback(state);
    }

    public void Dispose()
    {
        disposed = true;
        generation++;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Validate(TimeSpan value, string name)
    {
        if (value != Timeout.InfiniteTimeSpan && (value < TimeSpan.Zero || value > MaxDelay))
        {
            throw new ArgumentOutOfRangeException(name, value, "A timer delay must be infinite, or between zero and 4294967294 ms.");
        }
    }
}
