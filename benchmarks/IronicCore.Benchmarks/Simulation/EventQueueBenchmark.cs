using BenchmarkDotNet.Attributes;
using IronicCore.Simulation;

namespace IronicCore.Benchmarks.Simulation;

/// <summary>
/// The clock's event queue holding N pending events (heartbeats spread over the next
/// 3 minutes); each operation runs the earliest event, whose handler schedules its successor
/// (as a heartbeat does). The cost per event should grow with log N, not N.
/// </summary>
[MemoryDiagnoser]
public class EventQueueBenchmark : ISimulationEventHandler
{
    private const int EventsPerInvoke = 10_000;
    private SimulationClock clock = null!;
    private SeededRandom random = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Pending { get; set; }

    [GlobalSetup]
    public void Fill()
    {
        clock = new SimulationClock();
        random = new SeededRandom(1);
        for (var i = 0; i < Pending; i++)
        {
            clock.Schedule(TimeSpan.FromTicks((long)(random.NextDouble() * TimeSpan.TicksPerMinute * 3)), this, 0, i, 0);
        }
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public long RunEvents()
    {
        var target = clock.EventsRun + EventsPerInvoke;
        while (clock.EventsRun < target && clock.TryPeekNextDue(out var due))
        {
            clock.AdvanceTo(due);
        }

        return clock.PendingCount;
    }

    public void Handle(in ScheduledEvent scheduled) =>
        clock.Schedule(TimeSpan.FromTicks((long)(random.NextDouble() * TimeSpan.TicksPerMinute * 3)), this, 0, scheduled.Subject, 0);
}
