using BenchmarkDotNet.Attributes;
using IronicCore.Conductor;
using IronicCore.States;

namespace IronicCore.Benchmarks.Conductor;

/// <summary>
/// N fake-hardware nodes through the full lifecycle on virtual time: manage (verify), provide
/// (automated cleaning), deploy, undeploy (tear-down and cleaning) back to available. Each
/// phase sends every node's request, then lets the clock run the N queued workers. One operation
/// is the whole fleet's lifecycle: 9 × N provision-state transitions.
/// </summary>
[MemoryDiagnoser]
public class ConductorLifecycleBenchmark
{
    /// <summary>Transitions per lifecycle: manage, done, provide, done, deploy, done, delete, clean, done.</summary>
    public const int TransitionsPerNode = 9;

    private IronicCore.Conductor.Conductor conductor = null!;
    private string[] names = [];

    [Params(1_000, 100_000)]
    public int Nodes { get; set; }

    [IterationSetup]
    public void Enroll()
    {
        // The whole fleet moves at once, so Ironic's caps on concurrent deploys and cleans are lifted.
        var options = new ConductorOptions { MaxConcurrentDeploy = int.MaxValue, MaxConcurrentClean = int.MaxValue };
        conductor = new IronicCore.Conductor.Conductor(options, seed: 1);
        names = new string[Nodes];
        for (var i = 0; i < Nodes; i++)
        {
            names[i] = $"node-{i}";
            conductor.CreateNode(new NodeCreateRequest { Name = names[i], PowerState = PowerState.PowerOff });
        }
    }

    [Benchmark]
    public int Lifecycle()
    {
        Phase(ApiVerb.Manage);
        Phase(ApiVerb.Provide);
        Phase(ApiVerb.Active);
        Phase(ApiVerb.Deleted);
        return conductor.Clock.PendingCount;
    }

    private void Phase(ApiVerb verb)
    {
        foreach (var name in names)
        {
            conductor.SetProvisionState(name, verb);
        }

        conductor.Clock.RunDue();
    }
}
