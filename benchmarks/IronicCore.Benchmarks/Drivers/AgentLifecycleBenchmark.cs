using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IronicCore.Cli.Commands.Bench;

namespace IronicCore.Benchmarks.Drivers;

/// <summary>
/// N nodes of one hardware type through Ironic's whole lifecycle with their agents
/// (<see cref="AgentLifecycleRun"/>, the run <c>ironic-sim bench --hardware TYPE --shards 1</c>
/// times): enroll, manage, provide, deploy, undeploy back to available, a tenth of the fleet in
/// flight. After each iteration the transitions, clock events, simulated time, memory per node and
/// bytes allocated per node are printed ("// lifecycle:"). <see cref="IpmiPxeLifecycleBenchmark"/>
/// and <see cref="RedfishLifecycleBenchmark"/> run it.
/// </summary>
/// <param name="hardware">The hardware type, booting through its default interface.</param>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public abstract class AgentLifecycleBenchmark(string hardware)
{
    private AgentLifecycleRun run = null!;
    private long bytesPerNode;
    private long allocatedBefore;
    private TimeSpan simulated;
    private long events;

    /// <summary>
    /// Fleet sizes; a million nodes is <c>ironic-sim bench --hardware TYPE --nodes 1000000 --shards 1 --threads 1</c>,
    /// the same run without BenchmarkDotNet's iterations.
    /// </summary>
    [Params(10_000, 100_000)]
    public int Nodes { get; set; }

    [IterationSetup]
    public void Enroll()
    {
        // Let the previous iteration's fleet go before measuring what this one holds.
        run = null!;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        run = new AgentLifecycleRun(new AgentHardware(hardware, AgentHardware.BootInterfacesOf(hardware)[0]), Nodes, seed: 1);
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
            $"// lifecycle: {hardware}, {Nodes} nodes, {run.Transitions} transitions, {run.Failed} failed, {run.RetriedWhenLocked} retried when locked, {events} clock events, " +
            $"simulated {simulated} ({simulated.TotalHours:F2} h), {bytesPerNode} bytes per node after enrolment, " +
            $"{held / Nodes} bytes of heap per node after the lifecycle, {allocated / Nodes} bytes allocated per node in the lifecycle");
    }
}
