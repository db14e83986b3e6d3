using System.Security.Cryptography;
using IronicCore.Configuration;
using IronicCore.Drivers.Pxe;
using IronicCore.States;

namespace IronicCore.Cli.Commands.Bench;

/// <summary>
/// N <c>ipmi</c> or <c>redfish</c> nodes of one conductor (<see cref="AgentFleet"/>) through Ironic's
/// whole lifecycle with their agents: manage (power verification through the BMC), provide (automated
/// cleaning in the agent), deploy (image download over the link), undeploy (tear-down and
/// cleaning) back to available, 21 transitions a node. A tool keeps <see cref="Concurrency"/>
/// requests (a tenth of the fleet) in flight per phase, submitting one whenever one ends, under
/// Ironic's caps lifted to the same number. The link is one 10 Gb/s per 1,000 nodes, so the
/// simulated time does not grow with N; cleaning erases metadata only and power sync runs every
/// 10 minutes, as the fleet's default scenario has it. <c>ironic-sim bench --hardware ipmi|redfish</c>
/// and the <c>IpmiPxeLifecycle</c> and <c>RedfishLifecycle</c> benchmarks measure it.
/// </summary>
internal sealed class AgentLifecycleRun : IBenchRun, ITransitionObserver
{
    /// <summary>Transitions per node, the waits (<c>clean wait</c>, <c>wait call-back</c>) included.</summary>
    public const int TransitionsPerNode = 21;

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

    private readonly AgentFleet fleet;
    private readonly PriorityQueue<int, DateTimeOffset> lockedNodes = new();
    private ProvisionState phaseEnds;
    private int inFlight;
    private int done;

    /// <summary>Enrolls <paramref name="nodes"/> ipmi nodes booting over PXE in <c>enroll</c>, powered off.</summary>
    public AgentLifecycleRun(int nodes, ulong seed)
        : this(AgentHardware.Ipmi, nodes, seed)
    {
    }

    /// <summary>Enrolls <paramref name="nodes"/> nodes of <paramref name="hardware"/> in <c>enroll</c>, powered off.</summary>
    public AgentLifecycleRun(AgentHardware hardware, int nodes, ulong seed)
    {
        Nodes = nodes;
        Concurrency = Math.Max(100, nodes / 10);
        var options = new ConductorOptions
        {
            MaxConcurrentDeploy = Concurrency,
            MaxConcurrentClean = Concurrency,
            Deploy = new DeployOptions { EraseDevicesPriority = 0, HttpUrl = hardware.NeedsHttpServer ? AgentFleet.HttpUrl : null },
            SyncPowerStateInterval = TimeSpan.FromMinutes(10),
        };
        var network = new PxeNetworkOptions
        {
            LinkBitsPerSecond = 10e9 * Math.Max(1, nodes / 1_000),
            AddressCount = Math.Max(1_024, 2 * Concurrency),
        };
        fleet = AgentFleet.Enroll(hardware, nodes, ProvisionState.Enroll, options, network, this, seed);
    }

    public Conductor Conductor => fleet.Conductor;

    public int Nodes { get; }

    /// <summary>
    /// Requests in flight: a tenth of the fleet, so a phase takes about ten waves at any size and
    /// the simulated time (and with it the number of power sync passes) does not grow with N.
    /// </summary>
    public int Concurrency { get; }

    public long Transitions { get; private set; }

    /// <summary>Requests that ended in a failure state (<c>clean failed</c>, <c>deploy failed</c>, verification back to <c>enroll</c>).</summary>
    public long Failed { get; private set; }

    /// <summary>Requests refused with a 409 (node locked) and sent again <see cref="RetryInterval"/> later.</summary>
    public long RetriedWhenLocked { get; private set; }

    public void Run()
    {
        foreach (var (verb, ends) in Phases)
        {
            Phase(verb, ends);
        }
    }

    public void AppendOutcome(IncrementalHash hash) => BenchOutcome.Append(hash, Conductor, Transitions);

    void ITransitionObserver.OnTransition(in TransitionRecord transition)
    {
        Transitions++;
        var failure = transition.To is ProvisionState.CleanFailed or ProvisionState.DeployFailed
            || (transition.From == ProvisionState.Verifying && transition.To == ProvisionState.Enroll);
        if (transition.To == phaseEnds || failure)
        {
            inFlight--;
            done++;
            Failed += failure ? 1 : 0;
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
        var clock = Conductor.Clock;
        phaseEnds = ends;
        inFlight = done = 0;
        var next = 0;
        var deadline = clock.GetUtcNow() + MaxPhase;
        while (done < Nodes)
        {
            var now = clock.GetUtcNow();
            if (now > deadline)
            {
                var states = Conductor.Nodes.Where(n => n.ProvisionState != ends).GroupBy(n => n.ProvisionState)
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

    /// <summary>
    /// Sends one node's request, or puts it back for a retry when the node is locked. The node's
    /// <c>reservation</c> is read first: a locked node's request can only get Ironic's 409
    /// (<c>NodeLocked</c>), since the API checks nothing else before the lock that this run could
    /// fail, so the run skips making and unwinding that exception, once a node per run.
    /// </summary>
    private void Submit(int node, ApiVerb verb, DateTimeOffset now)
    {
        if (Conductor.IsReservedAt(node))
        {
            lockedNodes.Enqueue(node, now + RetryInterval);
            RetriedWhenLocked++;
            return;
        }

        Conductor.SetProvisionState(fleet.Names[node], verb);
        inFlight++;
    }
}
