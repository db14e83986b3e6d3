using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IronicCore.Fleet;
using IronicCore.Fleet.Policies;

namespace IronicCore.Benchmarks.Simulation;

/// <summary>
/// The fleet's default scenario (<c>ironic-sim fleet</c>: tenants, hardware faults, maintenance,
/// human operators, heartbeating agents, conductors failing over) scaled down to
/// <see cref="Nodes"/> nodes and <see cref="Days"/> days, under Ironic's default policy (<c>hold</c>): the maintenance-heavy
/// and heartbeat-heavy mix. The set-up builds the fleet; one operation runs it to the end.
/// After each iteration the clock events, transitions and policy actions are printed ("// fleet mix:").
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FleetMixBenchmark
{
    private FleetSimulation fleet = null!;
    private FleetResult result = null!;

    [Params(10_000)]
    public int Nodes { get; set; }

    [Params(2)]
    public int Days { get; set; }

    [IterationSetup]
    public void Build()
    {
        fleet = null!;
        fleet = new FleetSimulation(new FleetScenario { Nodes = Nodes, Days = Days }, new HoldPolicy());
    }

    [Benchmark]
    public long RunFleet()
    {
        result = fleet.Run();
        return result.Events;
    }

    [IterationCleanup]
    public void Report() =>
        Console.WriteLine(
            $"// fleet mix: {Nodes} nodes, {Days} days, {result.Policy}: {result.Events} clock events, {result.Transitions} transitions, " +
            $"{result.HumanTickets} tickets, {result.Repairs} repairs, available mean {result.AvailableMean:F1}");
}
