using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IronicCore.Cli.Commands.Bench;
using IronicCore.Configuration;
using IronicCore.Drivers.Pxe;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Benchmarks.Drivers;

/// <summary>
/// N <c>ipmi</c> nodes (timed BMCs, PXE boot, direct deploy, agents on their own) all asked to
/// deploy at once through one 10 Gb/s provisioning link, 2 GiB images, with Ironic's
/// <c>max_concurrent_deploy</c> of 250: the operator's tool submits a deploy whenever one
/// finishes, as a tool retrying <c>ConcurrentActionLimit</c> would. One operation runs the
/// fleet until every node is <c>active</c>. The simulated time it took, the clock events and
/// the memory each node holds are printed after each iteration ("// fleet:").
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class IpmiPxeDeployBenchmark : ITransitionObserver
{
    private IronicCore.Conductor conductor = null!;
    private PxeNetwork network = null!;
    private string[] names = [];
    private long bytesPerNode;
    private int inFlight;
    private int done;
    private int failed;
    private TimeSpan simulated;
    private long events;

    [Params(10_000)]
    public int Nodes { get; set; }

    [Params(250)]
    public int MaxConcurrentDeploy { get; set; }

    [IterationSetup]
    public void Enroll()
    {
        // Let the previous iteration's fleet go before measuring what this one holds.
        conductor = null!;
        network = null!;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var fleet = AgentFleet.Enroll(
            Nodes,
            ProvisionState.Available,
            new ConductorOptions { MaxConcurrentDeploy = MaxConcurrentDeploy },
            new PxeNetworkOptions { LinkBitsPerSecond = 10e9, ImageSizeBytes = 2L << 30 },
            this);
        (conductor, network, names) = (fleet.Conductor, fleet.Network, fleet.Names);
        bytesPerNode = (GC.GetTotalMemory(forceFullCollection: true) - before) / Nodes;
        inFlight = done = failed = 0;
    }

    [Benchmark]
    public int DeployFleet()
    {
        var clock = conductor.Clock;
        var start = clock.GetUtcNow();
        var eventsBefore = clock.EventsRun;
        var next = 0;
        while (done < Nodes)
        {
            while (next < Nodes && inFlight < MaxConcurrentDeploy)
            {
                conductor.SetProvisionState(names[next++], ApiVerb.Active);
                inFlight++;
            }

            if (!clock.TryPeekNextDue(out var due))
            {
                break;
            }

            clock.AdvanceTo(due);
        }

        simulated = clock.GetUtcNow() - start;
        events = clock.EventsRun - eventsBefore;
        return done;
    }

    [IterationCleanup]
    public void Report() =>
        Console.WriteLine(
            $"// fleet: {done} active, {failed} failed, simulated {simulated} ({simulated.TotalHours:F2} h), " +
            $"{events} clock events, {bytesPerNode} bytes per node after enrolment, {network.CompletedDownloads} downloads");

    void ITransitionObserver.OnTransition(in TransitionRecord transition)
    {
        if (transition.To is ProvisionState.Active or ProvisionState.DeployFailed
            && transition.From is ProvisionState.Deploying or ProvisionState.WaitCallBack)
        {
            inFlight--;
            done++;
            failed += transition.To == ProvisionState.DeployFailed ? 1 : 0;
        }
    }
}
