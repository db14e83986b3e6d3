using BenchmarkDotNet.Attributes;
using IronicCore.Cli.Commands.Bench;

namespace IronicCore.Benchmarks.Conductor;

/// <summary>
/// N fake-hardware nodes through the full lifecycle on virtual time (<see cref="LifecycleRun"/>).
/// One operation is the whole fleet's lifecycle: 9 × N provision-state transitions.
/// </summary>
[MemoryDiagnoser]
public class ConductorLifecycleBenchmark
{
    private LifecycleRun run = null!;

    [Params(1_000, 100_000, 1_000_000)]
    public int Nodes { get; set; }

    [IterationSetup]
    public void Enroll() => run = new LifecycleRun(Nodes, seed: 1);

    [Benchmark]
    public long Lifecycle()
    {
        run.Run();
        return run.Transitions;
    }
}
