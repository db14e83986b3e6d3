using IronicCore.Conducting.Periodic;
using IronicCore.Simulation;

namespace IronicCore.Conducting;

/// <summary>
/// The conductor's periodic tasks, on virtual time. Each enabled task first runs one spacing
/// after the conductor starts, then every spacing; tasks due at the same instant run in the order
/// Ironic's conductor registers them. One clock event stands for the next due instant.
/// </summary>
internal sealed partial class PeriodicTasks
{
    private readonly SimulationClock clock;
    private readonly ISimulationEventHandler handler;
    private readonly List<Entry> tasks;
    private long scheduledTicks = long.MinValue;

    /// <param name="clock">The clock they run on.</param>
    /// <param name="handler">The handler their tick is scheduled for.</param>
    /// <param name="registered">Every periodic task, in Ironic's registration order; the disabled ones are left out.</param>
    public PeriodicTasks(SimulationClock clock, ISimulationEventHandler handler, IEnumerable<IPeriodicTask> registered)
    {
        this.clock = clock;
        this.handler = handler;
        var start = clock.GetUtcNow().UtcTicks;
        tasks = [.. registered.Where(t => t.Enabled).Select(t => new Entry(t, start + t.Spacing.Ticks))];
        ScheduleNext();
    }

    /// <summary>Runs every task due now, in registration order, and schedules the next tick.</summary>
    public void RunDue()
    {
        var now = clock.GetUtcNow().UtcTicks;
        foreach (var entry in tasks)
        {
            if (entry.NextTicks <= now)
            {
                entry.Task.Run();
                entry.NextTicks += entry.Task.Spacing.Ticks;
            }
        }

        ScheduleNext();
    }

    private void ScheduleNext()
    {
        if (tasks.Count == 0)
        {
            return;
        }

        var next = tasks.Min(t => t.NextTicks);
        if (next != scheduledTicks)
        {
            scheduledTicks = next;
            clock.ScheduleAt(new DateTimeOffset(next, TimeSpan.Zero), handler, (int)Worker.PeriodicTick, 0, 0);
        }
    }

    private sealed class Entry(IPeriodicTask task, long nextTicks)
    {
        public IPeriodicTask Task { get; } = task;

        public long NextTicks { get; set; } = nextTicks;
    }
}
