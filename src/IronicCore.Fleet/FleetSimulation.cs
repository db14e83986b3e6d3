using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Fleet;

/// <summary>
/// One run of a <see cref="FleetScenario"/> under one <see cref="IFleetPolicy"/>: the nodes,
/// Ironic's conductors in front of them (hash ring, worker pools, concurrency limits, deaths
/// and takeovers), tenants, hardware faults and human operators, all on one virtual clock and
/// all drawn from the scenario's seed. Advance it with <see cref="RunUntil"/> (or
/// <see cref="Run"/>) and read <see cref="Result"/>.
/// </summary>
/// <remarks>Not thread-safe; separate runs share nothing and may run on separate threads.</remarks>
public sealed partial class FleetSimulation : ISimulationEventHandler, ITransitionObserver
{
    private readonly FleetScenario scenario;
    private readonly IFleetPolicy policy;
    private readonly Conductor conductor;
    // One stream per source of chance, so every policy meets the same arrivals, leases, faults
    // and conductor deaths from the same seed (common random numbers) and differences are the
    // policy's. The scheduler's pick of a free node is the one draw whose count depends on the
    // fleet's state (and so on the policy): it has a stream of its own, and the leases' lengths
    // and the tenants' false reports have theirs, so a policy's extra placement attempt does not
    // shift every later lease of the run.
    private readonly SeededRandom arrivalDraws;
    private readonly SeededRandom placementDraws;
    private readonly SeededRandom faultDraws;
    private readonly SeededRandom conductorDraws;
    private SeededRandom leaseDraws;
    private SeededRandom reportDraws;
    private readonly FleetNode[] fleet;
    private readonly Dictionary<string, FleetNode> byUuid = new(StringComparer.OrdinalIgnoreCase);
    private readonly FleetGateway gateway;
    private readonly FleetMetrics metrics;
    private readonly DateTimeOffset start;

    /// <summary>Builds the fleet at the scenario's start: every node enrolled, a share of them already running tenants' instances.</summary>
    /// <param name="scenario">The data centre.</param>
    /// <param name="policy">The remediation policy; a fresh instance per run.</param>
    /// <exception cref="ArgumentException">The scenario has problems (<see cref="FleetScenario.Problems"/>), or the policy's interval is not positive.</exception>
    /// <exception cref="IncorrectConfigurationException">The scenario's Ironic options are out of range.</exception>
    public FleetSimulation(FleetScenario scenario, IFleetPolicy policy)
        : this(
            Checked(scenario, policy),
            policy,
            new Conductor(scenario.Options, new SimulationClock(), policy.MaintenancePolicy, scenario.Seed, agents: scenario.Agents),
            draws: null)
    {
        scenario.RegisterHardware(conductor);
        if (scenario.Drivers is { } drivers)
        {
            conductor.EnableDrivers(drivers);
        }

        Enroll();
        StartConductors();
        StartTenants();
        StartFaults();
        StartOperators();
        Clock.Schedule(policy.Interval, this, (int)FleetEvent.PolicyTick, 0, 0);
        Clock.Schedule(scenario.SampleInterval, this, (int)FleetEvent.Sample, 0, 0);
    }

    /// <summary>The parts every run has, before its nodes and events: new, or restored from a snapshot with its random streams' <paramref name="draws"/>.</summary>
    private FleetSimulation(FleetScenario scenario, IFleetPolicy policy, Conductor conductor, SeededRandomState[]? draws)
    {
        this.scenario = scenario;
        this.policy = policy;
        this.conductor = conductor;
        Clock = conductor.Clock;
        start = SimulationClock.DefaultStart;
        arrivalDraws = draws is null ? new SeededRandom(scenario.Seed ^ 0x6A09_E667_F3BC_C908) : new SeededRandom(draws[0]);
        placementDraws = draws is null ? new SeededRandom(scenario.Seed ^ 0xBB67_AE85_84CA_A73B) : new SeededRandom(draws[1]);
        faultDraws = draws is null ? new SeededRandom(scenario.Seed ^ 0x3C6E_F372_FE94_F82B) : new SeededRandom(draws[2]);
        conductorDraws = draws is null ? new SeededRandom(scenario.Seed ^ 0xA54F_F53A_5F1D_36F1) : new SeededRandom(draws[3]);
        (leaseDraws, reportDraws) = NewLeaseStreams(scenario.Seed);
        redfishFaultDraws = NewRedfishFaultStream(scenario.Seed);
        machineFaults = [.. scenario.Faults.Where(f => !HardwareFaultKinds.IsRedfish(f.Kind))];
        redfishFaults = [.. scenario.Faults.Where(f => HardwareFaultKinds.IsRedfish(f.Kind))];
        metrics = new FleetMetrics(scenario.Days);
        (hardware, hardwareIndex) = HardwareOf(scenario);
        faultRows = FaultRows(scenario, hardware);
        metrics.CountHardware(hardware.Length);
        CountHardware(fromStates: false);
        gateway = new FleetGateway(this, conductor, scenario);
        fleet = new FleetNode[scenario.Nodes];
        free = new IndexSet(scenario.Nodes);
        failedSlots = new IndexSet(scenario.Nodes);
        outSlots = new IndexSet(scenario.Nodes);
        conductor.Subscribe(this);
    }

    /// <summary>The run's virtual clock.</summary>
    public SimulationClock Clock { get; }

    /// <summary>When the run ends: the scenario's days after its start.</summary>
    public DateTimeOffset End => start + TimeSpan.FromDays(scenario.Days);

    /// <summary>How far the run is, from 0 to 1.</summary>
    public double Progress => Math.Clamp((Clock.GetUtcNow() - start) / (End - start), 0, 1);

    /// <summary>The fleet's API, as policies see it.</summary>
    public IFleetApi Api => gateway;

    /// <summary>Runs the fleet up to <paramref name="until"/>, or <see cref="End"/> if that is earlier.</summary>
    /// <param name="until">The virtual time to stop at.</param>
    public void RunUntil(DateTimeOffset until) => Clock.AdvanceTo(until < End ? until : End);

    /// <summary>Runs the fleet to <see cref="End"/> and returns the result.</summary>
    /// <returns>The result of the whole run.</returns>
    public FleetResult Run()
    {
        RunUntil(End);
        return Result();
    }

    /// <summary>The result so far (of the whole run once <see cref="End"/> is reached).</summary>
    /// <returns>The metrics of the samples taken so far.</returns>
    public FleetResult Result() =>
        metrics.ToResult(policy.Name, Clock.EventsRun, gateway.NoFreeWorkerRefusals, gateway.ConcurrentActionLimitRefusals, hardware, faultRows);

    /// <summary>Subscribes to every provision state change of the run's nodes (a journal); dispose the result to stop.</summary>
    /// <param name="observer">Called for each transition, on the simulation's thread.</param>
    /// <returns>The subscription.</returns>
    public IDisposable Subscribe(ITransitionObserver observer) => conductor.Subscribe(observer);

    /// <summary>Runs one of the fleet's events. Called by <see cref="Clock"/>; not for callers.</summary>
    void ISimulationEventHandler.Handle(in ScheduledEvent scheduled)
    {
        var subject = scheduled.Subject;
        var token = scheduled.Token;
        switch ((FleetEvent)scheduled.Kind)
        {
            case FleetEvent.Arrival:
                Arrive();
                break;
            case FleetEvent.PlacementRetry:
                Place();
                break;
            case FleetEvent.LeaseEnd:
                EndLease(fleet[subject], token);
                break;
            case FleetEvent.InstanceDeleteRetry:
                DeleteInstance(fleet[subject], token);
                break;
            case FleetEvent.BreakFix:
                BreakFix(fleet[subject], token);
                break;
            case FleetEvent.NovaTearDown:
                NovaTearDown(fleet[subject]);
                break;
            case FleetEvent.FaultArrival:
                StrikeFault();
                break;
            case FleetEvent.RedfishFaultArrival:
                StrikeRedfishFault();
                break;
            case FleetEvent.SelfHeal when fleet[subject].FaultGeneration == token:
                ClearFault(subject);
                break;
            case FleetEvent.PolicyTick:
                policy.Run(gateway);
                Clock.Schedule(policy.Interval, this, (int)FleetEvent.PolicyTick, 0, 0);
                break;
            case FleetEvent.Sample:
                Sample();
                Clock.Schedule(scenario.SampleInterval, this, (int)FleetEvent.Sample, 0, 0);
                break;
            case FleetEvent.WorkerRelease:
                gateway.Release(subject, token);
                break;
            case FleetEvent.ConductorDeath:
                Die(subject);
                break;
            case FleetEvent.OrphanCheck:
                CheckOrphans(subject);
                break;
            case FleetEvent.RingRebuild:
                gateway.LeaveRing(subject, token);
                break;
            case FleetEvent.ConductorRestart:
                Restart(subject);
                break;
            case FleetEvent.OperatorShift:
                AssignTickets();
                break;
            case FleetEvent.TicketDone:
                FinishTicket(fleet[subject]);
                break;
            case FleetEvent.RepairDone:
                ClearFault(subject);
                Visit(fleet[subject]);
                break;
            case FleetEvent.HumanVisit:
                fleet[subject].Visiting = false;
                Visit(fleet[subject]);
                break;
        }
    }

    /// <summary>Counts transitions and keeps the tenants' view of free nodes. Called by the conductor.</summary>
    void ITransitionObserver.OnTransition(in TransitionRecord transition)
    {
        metrics.Transitions++;
        if (NodeAt(transition) is not { } node)
        {
            return;
        }

        TrackFailed(node, transition);
        CountFaultConsequence(node, transition);
        if (transition.From == ProvisionState.Available)
        {
            free.Remove(node.Index);
            availableByHardware[node.Hardware]--;
        }

        switch (transition.To)
        {
            case ProvisionState.Available:
                free.Add(node.Index);
                availableByHardware[node.Hardware]++;
                break;
            case ProvisionState.Active when node.HasInstance:
                InstanceStarted(node);
                break;
            case ProvisionState.DeployFailed when node.HasInstance:
                // Nova sees the failed boot, deletes the instance and schedules it elsewhere.
                metrics.TenantVisibleFailure(node.Hardware);
                node.HasInstance = false;
                Clock.Schedule(TimeSpan.Zero, this, (int)FleetEvent.NovaTearDown, node.Index, 0);
                Clock.Schedule(TimeSpan.Zero, this, (int)FleetEvent.PlacementRetry, 0, 0);
                break;
        }
    }

    /// <summary>Creates the nodes: the utilisation's share running instances, the rest <c>available</c>.</summary>
    private void Enroll()
    {
        var i = 0;
        foreach (var request in scenario.NodeRequests())
        {
            var active = request.ProvisionState == ProvisionState.Active;
            var view = conductor.CreateNode(request);
            var node = new FleetNode(i, view.Uuid) { Hardware = hardwareIndex[request.Driver] };
            fleet[i++] = node;
            byUuid.Add(view.Uuid, node);
            if (active)
            {
                node.HasInstance = true;
                ScheduleLeaseEnd(node);
            }
            else
            {
                free.Add(node.Index);
                availableByHardware[node.Hardware]++;
            }
        }
    }

    /// <summary>The streams of the leases' lengths and the false reports at their start.</summary>
    private static (SeededRandom Leases, SeededRandom Reports) NewLeaseStreams(ulong seed) =>
        (new SeededRandom(seed ^ 0x510E_527F_ADE6_82D1), new SeededRandom(seed ^ 0x9B05_688C_2B3E_6C1F));

    /// <summary>The stream of the Redfish BMCs' own faults.</summary>
    private static SeededRandom NewRedfishFaultStream(ulong seed) => new(seed ^ 0x1F83_D9AB_FB41_BD6B);

    private static FleetScenario Checked(FleetScenario scenario, IFleetPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(policy);
        var problems = scenario.Problems();
        if (problems.Length > 0)
        {
            throw new ArgumentException($"The fleet scenario cannot run: {string.Join("; ", problems)}.", nameof(scenario));
        }

        if (policy.Interval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Policy {policy.Name}: its interval must be positive.", nameof(policy));
        }

        return scenario;
    }

    /// <summary>
    /// The fleet's node of a transition: the conductor is the run's own and its nodes were enrolled
    /// in the fleet's order, so the slot is the fleet's index (checked against the UUID: the same
    /// string, so no characters are read, but after a resume) and no UUID is hashed; by UUID otherwise.
    /// </summary>
    private FleetNode? NodeAt(in TransitionRecord transition)
    {
        var slot = transition.NodeSlot;
        if ((uint)slot < (uint)fleet.Length && fleet[slot] is { } node && string.Equals(node.Uuid, transition.NodeUuid, StringComparison.OrdinalIgnoreCase))
        {
            return node;
        }

        return byUuid.GetValueOrDefault(transition.NodeUuid);
    }

    internal FleetNode NodeOf(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        return byUuid.TryGetValue(ident, out var node) ? node : byUuid[conductor.GetNode(ident).Uuid];
    }
}
