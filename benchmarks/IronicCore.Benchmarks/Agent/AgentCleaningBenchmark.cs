using BenchmarkDotNet.Attributes;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Benchmarks.Agent;

/// <summary>
/// Automated cleaning of N nodes through their ramdisk agents, all on the virtual clock: each
/// node boots its agent, looks up, heartbeats, runs IPA's two erase steps (30 s and 40 min of
/// virtual time) and is torn down to <c>available</c>. One operation is the whole fleet's
/// cleaning: two virtual hours.
/// </summary>
[MemoryDiagnoser]
public class AgentCleaningBenchmark
{
    private IronicCore.Conductor conductor = null!;
    private string[] names = [];

    [Params(10_000, 100_000)]
    public int Nodes { get; set; }

    /// <summary>Clock events run by the last operation (boots, heartbeats, workers, command ends, periodic tasks).</summary>
    public long EventsRun { get; private set; }

    [IterationSetup]
    public void Enroll()
    {
        var options = new ConductorOptions(IronicRelease.Release21_4) { MaxConcurrentClean = int.MaxValue };
        conductor = new IronicCore.Conductor(options, seed: 1, agents: new AgentBehaviour());
        names = new string[Nodes];
        for (var i = 0; i < Nodes; i++)
        {
            names[i] = $"node-{i}";
            conductor.CreateNode(new NodeCreateRequest
            {
                Name = names[i], DeployInterface = "direct", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff,
            });
        }
    }

    [Benchmark]
    public long CleanFleet()
    {
        var before = conductor.Clock.EventsRun;
        foreach (var name in names)
        {
            conductor.SetProvisionState(name, ApiVerb.Provide);
        }

        conductor.Clock.Advance(TimeSpan.FromHours(2));
        EventsRun = conductor.Clock.EventsRun - before;
        return EventsRun;
    }
}
