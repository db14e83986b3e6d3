using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IronicCore.Configuration;
using IronicCore.Drivers.Pxe;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Benchmarks.Drivers;

/// <summary>
/// N <c>ipmi</c> nodes (<see cref="IpmiPxeFleet"/>) through Ironic's whole lifecycle with their
/// agents: enroll, manage (power verification through the BMC), provide (automated cleaning in
/// the agent), deploy (image download over the link), undeploy (tear-down and cleaning) back to
/// available. A tool keeps <see cref="Concurrency"/> requests (a tenth of the fleet) in flight
/// per phase, submitting one whenever one ends, under Ironic's caps lifted to the same number.
/// The link is one 10 Gb/s per 1,000 nodes, so the simulated time does not grow with N; cleaning erases
/// metadata only and power sync runs every 10 minutes, as the fleet's default scenario has it.
/// After each iteration the transitions, clock events, simulated time and memory per node are
/// printed ("// lifecycle:"), for transitions and events a second and bytes per transition.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class IpmiPxeLifecycleBenchmark : ITransitionObserver
{
    private static readonly (ApiVerb Verb, ProvisionState Ends)[] Phases =
    [
        (ApiVerb.Manage, ProvisionState.Manageable),
        (ApiVerb.Provide, ProvisionState.Available),
        (ApiVerb.Active, ProvisionState.Active),
        (ApiVerb.Deleted, ProvisionState.Available),
    ];

    /// <summary>python-ironicclient's wait between retries of a 409 (<c>DEFAULT_RETRY_INTERVAL</c>).</summary>
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    /// <summary>A phase that has not ended after this much virtual time is a bug in the run, reported with the nodes' states.</summary>
    private static readonly TimeSpan MaxPhase = TimeSpan.FromDays(1);

    private IpmiPxeFleet fleet = null!;
    private ProvisionState phaseEnds;
    private int inFlight;
    private int done;
    private int failed;
    private long transitions;
    private long events;
    private TimeSpan simulated;
    private readonly PriorityQueue<int, DateTimeOffset> lockedNodes = new();
    private long lockedRetries;

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Nodes { get; set; }

    /// <summary>
    /// Requests in flight: a tenth of the fleet, so a phase takes about ten waves at any size and
    /// the simulated time (and with it the number of power sync passes) does not grow with N.
    /// </summary>
    public int Concurrency => Math.Max(100, Nodes / 10);

    [IterationSetup]
    public void Enroll()
    {
        fleet = null!;
        var options = new ConductorOptions
        {
            MaxConcurrentDeploy = Concurrency,
            MaxConcurrentClean = Concurrency,
            Deploy = new DeployOptions { EraseDevicesPriority = 0 },
            SyncPowerStateInterval = TimeSpan.FromMinutes(10),
        };
        var network = new PxeNetworkOptions
        {
            LinkBitsPerSecond = 10e9 * Math.Max(1, Nodes / 1_000),
            AddressCount = Math.Max(1_024, 2 * Concurrency),
        };
        fleet = IpmiPxeFleet.Enroll(Nodes, ProvisionState.Enroll, options, network, this);
        failed = 0;
        transitions = lockedRetries = 0;
    }

    [Benchmark]
    public long Lifecycle()
    {
        var clock = fleet.Conductor.Clock;
        var start = clock.GetUtcNow();
        var eventsBefore = clock.EventsRun;
        foreach (var (verb, ends) in Phases)
        {
            Phase(verb, ends);
        }

        simulated = clock.GetUtcNow() - start;
        events = clock.EventsRun - eventsBefore;
        return transitions;
    }

    [IterationCleanup]
    public void Report()
    {
        var held = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(
            $"// lifecycle: {Nodes} nodes, {transitions} transitions, {failed} failed, {lockedRetries} retried when locked, {events} clock events, " +
            $"simulated {simulated} ({simulated.TotalHours:F2} h), {fleet.BytesPerNode} bytes per node after enrolment, " +
            $"{held / Nodes} bytes of heap per node after the lifecycle");
    }

    void ITransitionObserver.OnTransition(in TransitionRecord transition)
    {
        transitions++;
        var failure = transition.To is ProvisionState.CleanFailed or ProvisionState.DeployFailed
            || (transition.From == ProvisionState.Verifying && transition.To == ProvisionState.Enroll);
        if (transition.To == phaseEnds || failure)
        {
            inFlight--;
            done++;
            failed += failure ? 1 : 0;
        }
    }

    /// <summary>
    /// Sends every node's request, at most <see cref="Concurrency"/> in flight, and runs the
    /// clock until all have ended. A node still locked (its last worker powering it off, or
    /// power sync reading its BMC) is asked again <see cref="RetryInterval"/> later, as
    /// python-ironicclient retries Ironic's 409.
    /// </summary>
    private void Phase(ApiVerb verb, ProvisionState ends)
    {
        var clock = fleet.Conductor.Clock;
        phaseEnds = ends;
        inFlight = done = 0;
        var next = 0;
        var deadline = clock.GetUtcNow() + MaxPhase;
        while (done < Nodes)
        {
            var now = clock.GetUtcNow();
            if (now > deadline)
            {
                var states = fleet.Conductor.Nodes.Where(n => n.ProvisionState != ends).GroupBy(n => n.ProvisionState)
                    .Select(g => $"{g.Count()} {g.Key}");
                throw new InvalidOperationException(
                    $"{verb}: {Nodes - done} nodes not done after {MaxPhase} of virtual time ({string.Join(", ", states)}), {inFlight} in flight, {lockedNodes.Count} waiting to retry.");
            }

            while (inFlight < Concurrency && lockedNodes.TryPeek(out var locked, out var retryAt) && retryAt <= now)
            {
                lockedNodes.Dequeue();
                Submit(locked, verb, now);
            }

            while (next < Nodes && inFlight < Concurrency)
            {
                Submit(next++, verb, now);
            }

            // Wake for the next event, or the next retry if it is earlier and still to come
            // (a retry already due waits for a request in flight to end).
            var wake = clock.TryPeekNextDue(out var due) ? due : DateTimeOffset.MaxValue;
            if (lockedNodes.TryPeek(out _, out var retry) && retry > now && retry < wake)
            {
                wake = retry;
            }

            if (wake == DateTimeOffset.MaxValue)
            {
                break;
            }

            clock.AdvanceTo(wake);
        }
    }

    private void Submit(int node, ApiVerb verb, DateTimeOffset now)
    {
        try
        {
            fleet.Conductor.SetProvisionState(fleet.Names[node], verb);
            inFlight++;
        }
        catch (NodeLockedException)
        {
            lockedNodes.Enqueue(node, now + RetryInterval);
            lockedRetries++;
        }
    }
}
