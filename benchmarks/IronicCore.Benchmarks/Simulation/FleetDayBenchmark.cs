using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IronicCore.Fleet;
using IronicCore.Fleet.Policies;

namespace IronicCore.Benchmarks.Simulation;

/// <summary>
/// One day of the fleet's default scenario (<c>ironic-sim fleet --nodes N</c>: conductors,
/// operators and Ironic's caps scaled with the fleet) under <c>hold</c>, at 10,000 and 100,000
/// nodes: the set-up builds the fleet and runs its first day; one operation runs the second. The
/// clock events of the operation are printed after each iteration ("// fleet day:", with the time
/// per event), so the cost of an event can be compared across fleet sizes: flat is the aim.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FleetDayBenchmark
{
    private FleetSimulation fleet = null!;
    private long eventsBefore;
    private long events;
    private TimeSpan elapsed;

    [Params(10_000, 100_000)]
    public int Nodes { get; set; }

    [IterationSetup]
    public void Build()
    {
        fleet = null!;
        fleet = new FleetSimulation(new FleetScenario().ScaledTo(Nodes) with { Days = 2 }, new HoldPolicy());
        fleet.RunUntil(fleet.End - TimeSpan.FromDays(1));
        eventsBefore = fleet.Clock.EventsRun;
    }

    [Benchmark]
    public long RunDay()
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        fleet.RunUntil(fleet.End);
        elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start);
        events = fleet.Clock.EventsRun - eventsBefore;
        return events;
    }

    [IterationCleanup]
    public void Report() =>
        Console.WriteLine($"// fleet day: {Nodes} nodes: {events} clock events in the day, {elapsed.TotalNanoseconds / events:F0} ns an event");
}
