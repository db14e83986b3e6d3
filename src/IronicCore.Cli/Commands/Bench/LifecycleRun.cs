using System.Security.Cryptography;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Cli.Commands.Bench;

/// <summary>
/// N fake-hardware nodes of one conductor through Ironic's whole lifecycle on virtual time:
/// manage (verify), provide (automated cleaning), deploy, undeploy (tear-down and cleaning)
/// back to available, nine transitions a node. Each phase sends every node's request, then
/// lets the clock run the queued workers. The benchmarks and <c>ironic-sim bench</c> measure it.
/// </summary>
internal sealed class LifecycleRun : IBenchRun, ITransitionObserver
{
    /// <summary>Transitions per node: manage, done, provide, done, deploy, done, delete, clean, done.</summary>
    public const int TransitionsPerNode = 9;

    private readonly string[] names;

    /// <summary>Enrolls <paramref name="nodes"/> nodes, powered off.</summary>
    public LifecycleRun(int nodes, ulong seed)
    {
        // The whole fleet moves at once, so Ironic's caps on concurrent deploys and cleans are lifted.
        var options = new ConductorOptions { MaxConcurrentDeploy = int.MaxValue, MaxConcurrentClean = int.MaxValue };
        Conductor = new Conductor(options, seed: seed);
        Conductor.Subscribe(this);
        names = new string[nodes];
        for (var i = 0; i < nodes; i++)
        {
            names[i] = $"node-{i}";
            Conductor.CreateNode(new NodeCreateRequest { Name = names[i], PowerState = PowerState.PowerOff });
        }
    }

    public Conductor Conductor { get; }

    /// <summary>Transitions seen so far.</summary>
    public long Transitions { get; private set; }

    /// <summary>Runs the four phases; every node ends in <c>available</c>.</summary>
    public void Run()
    {
        Phase(ApiVerb.Manage);
        Phase(ApiVerb.Provide);
        Phase(ApiVerb.Active);
        Phase(ApiVerb.Deleted);
    }

    /// <inheritdoc />
    public void AppendOutcome(IncrementalHash hash) => BenchOutcome.Append(hash, Conductor, Transitions);

    void ITransitionObserver.OnTransition(in TransitionRecord transition) => Transitions++;

    private void Phase(ApiVerb verb)
    {
        foreach (var name in names)
        {
            Conductor.SetProvisionState(name, verb);
        }

        Conductor.Clock.RunDue();
    }
}
