namespace IronicCore.Conducting;

/// <summary>
/// The conductor's periodic tasks, on virtual time. Each first runs one spacing after the
/// conductor starts, then every spacing; tasks due at the same instant run in the order
/// Ironic's conductor registers them. One clock event stands for the next due instant.
/// </summary>
internal sealed partial class PeriodicTasks
{
    private readonly Conductor conductor;
    private readonly List<PeriodicTask> tasks;
    private long scheduledTicks = long.MinValue;

    public PeriodicTasks(Conductor conductor, IEnumerable<(string Name, TimeSpan Spacing, Action Run)> enabled)
    {
        this.conductor = conductor;
        var start = conductor.Clock.GetUtcNow().UtcTicks;
        tasks = [.. enabled.Select(t => new PeriodicTask(t.Name, t.Spacing.Ticks, start + t.Spacing.Ticks, t.Run))];
        ScheduleNext();
    }

    /// <summary>Runs every task due now, in registration order, and schedules the next tick.</summary>
    public void RunDue()
    {
        var now = conductor.Clock.GetUtcNow().UtcTicks;
        foreach (var task in tasks)
        {
            if (task.NextTicks <= now)
            {
                task.Run();
                task.NextTicks += task.SpacingTicks;
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
            conductor.Clock.ScheduleAt(new DateTimeOffset(next, TimeSpan.Zero), conductor, (int)Worker.PeriodicTick, 0, 0);
        }
    }

    private sealed class PeriodicTask(string name, long spacingTicks, long nextTicks, Action run)
    {
        public string Name { get; } = name;

        public long SpacingTicks { get; } = spacingTicks;

        public long NextTicks { get; set; } = nextTicks;

        public Action Run { get; } = run;
    }
}
