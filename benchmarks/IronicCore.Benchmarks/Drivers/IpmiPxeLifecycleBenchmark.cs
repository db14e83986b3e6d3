using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IronicCore.Cli.Commands.Bench;

namespace IronicCore.Benchmarks.Drivers;

/// <summary>
/// N <c>ipmi</c> nodes through Ironic's whole lifecycle with their agents
/// (<see cref="IpmiLifecycleRun"/>, the run <c>ironic-sim bench --hardware ipmi --shards 1</c>
/// times): enroll, manage, provide, deploy, undeploy back to available, a tenth of the fleet in
/// flight. After each iteration the transitions, clock events, simulated time, memory per node and
/// bytes allocated per node are printed ("// lifecycle:").
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class IpmiPxeLifecycleBenchmark
{
    private IpmiLifecycleRun run = null!;
    private long bytesPerNode;
    private long allocatedBefore;
    private TimeSpan simulated;
    private long events;

    /// <summary>
    /// Fleet sizes; a million nodes is <c>ironic-sim bench --hardware ipmi --nodes 1000000 --shards 1 --threads 1</c>,
    /// the same run without BenchmarkDotNet's three iterations of a minute each.
    /// </summary>
    [Params(10_000, 100_000)]
    public int Nodes { get; set; }

    [IterationSetup]
    public void Enroll()
    {
        // Let the previous iteration's fleet go before measuring what this one holds.
        run = null!;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        run = new IpmiLifecycleRun(Nodes, seed: 1);
        bytesPerNode = (GC.GetTotalMemory(forceFullCollection: true) - before) / Nodes;
        allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    }

    [Benchmark]
    public long Lifecycle()
    {
        var clock = run.Conductor.Clock;
        var start = clock.GetUtcNow();
        var eventsBefore = clock.EventsRun;
        run.Run();
        simulated = clock.GetUtcNow() - start;
        events = clock.EventsRun - eventsBefore;
        return run.Transitions;
    }

    [IterationCleanup]
    public void Report()
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var held = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(
            $"// lifecycle: {Nodes} nodes, {run.Transitions} transitions, {run.Failed} failed, {run.RetriedWhenLocked} retried when locked, {events} clock events, " +
            $"simulated {simulated} ({simulated.TotalHours:F2} h), {bytesPerNode} bytes per node after enrolment, " +
            $"{held / Nodes} bytes of heap per node after the lifecycle, {allocated / Nodes} bytes allocated per node in the lifecycle");
    }
}
