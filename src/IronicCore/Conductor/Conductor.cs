using System.Collections.Immutable;
using IronicCore.Drivers;
using IronicCore.Drivers.Fake;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Conductor;

/// <summary>
/// One Ironic conductor with its API in front: the operations of Ironic's REST API for
/// nodes, with Ironic's checks, answers and errors, on a virtual clock. A request either
/// throws a typed <see cref="IronicException"/> and changes nothing, or is accepted (HTTP 202):
/// its first state change is stored and its worker runs on <see cref="Clock"/>, so
/// <see cref="SimulationClock.RunDue"/> or <see cref="SimulationClock.Advance"/> lets it finish.
/// Periodic tasks (power sync, recovery, callback timeouts) run as the clock advances.
/// </summary>
/// <remarks>
/// Not thread-safe: one simulation, one thread. The conductor never reads the wall clock.
/// </remarks>
public sealed partial class Conductor : ISimulationEventHandler
{
    /// <summary>The conductor's host name, written into <c>reservation</c> while it holds a node's lock.</summary>
    public const string DefaultHost = "sim-conductor";

    private readonly List<Node?> nodes = [];
    private readonly List<SimulatedMachine> machines = [];
    private readonly Dictionary<string, Node> byUuid = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Node> byName = new(StringComparer.Ordinal);
    private readonly List<ITransitionObserver> observers = [];
    private readonly int[] stateCounts = new int[Enum.GetValues<ProvisionState>().Length];

    // Every node's state by slot, beside the nodes: a periodic scan for one state reads this
    // small array instead of touching every node.
    private readonly List<ProvisionState> stateBySlot = [];
    private readonly ProvisionStateMachine machine;
    private readonly IMaintenancePolicy maintenancePolicy;
    private readonly SeededRandom random;
    private readonly Dictionary<(string Deploy, string Rescue, string Management), HardwareType> fakeHardware = [];
    private readonly FakePower fakePower;
    private readonly PeriodicTasks periodics;
    private readonly Agent.AgentBehaviour? agents;
    private readonly List<Node> timedOut = [];
    private readonly List<Node> powerSyncOrder = [];

    // The slots of nodes given fault "power failure" (by power sync, or at creation): the only
    // ones power failure recovery can act on, so it need not read the whole fleet every run.
    private readonly SortedSet<int> powerFailed = [];
    private readonly Dictionary<(HardwareType, ImmutableArray<Steps.StepDefinition>), ImmutableArray<(Steps.StepDefinition, Steps.StepRequest?)>> agentCleanPlans = [];
    private readonly Dictionary<HardwareType, ImmutableArray<(Steps.StepDefinition, Steps.StepRequest?)>> automatedCleanSteps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<HardwareType, ImmutableArray<(Steps.StepDefinition, Steps.StepRequest?)>> deploySteps = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates a conductor with no nodes, its periodic tasks scheduled from the clock's current time.</summary>
    /// <param name="options">Ironic's options; null takes Ironic master's defaults. Validated here.</param>
    /// <param name="clock">The virtual clock; null starts a new one at <see cref="SimulationClock.DefaultStart"/>.</param>
    /// <param name="maintenancePolicy">What maintenance blocks; null is Ironic's own rules.</param>
    /// <param name="seed">Seeds node UUIDs and every other random choice.</param>
    /// <param name="host">The conductor's host name.</param>
    /// <param name="agents">
    /// How ramdisk agents behave on their own: they boot, look up, heartbeat and finish their
    /// steps on the clock (a fleet run). Null: agents act only when told (<see cref="Heartbeat(string, string, string?, string?)"/>,
    /// <see cref="SetAgentResult"/>), as in a scenario.
    /// </param>
    /// <exception cref="IncorrectConfigurationException">An option is out of its range.</exception>
    public Conductor(
        ConductorOptions? options = null,
        SimulationClock? clock = null,
        IMaintenancePolicy? maintenancePolicy = null,
        ulong seed = 0,
        string host = DefaultHost,
        Agent.AgentBehaviour? agents = null)
    {
        Options = options ?? new ConductorOptions();
        Options.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        Clock = clock ?? new SimulationClock();
        Host = host;
        machine = ProvisionStateMachine.For(Options.Release);
        this.maintenancePolicy = maintenancePolicy ?? IronicMaintenancePolicy.Instance;
        random = new SeededRandom(seed);
        this.agents = agents;
        fakePower = new FakePower(node => machines[node.Index]);
        periodics = new PeriodicTasks(this, EnabledPeriodicTasks());
    }

    /// <summary>The virtual clock the conductor runs on.</summary>
    public SimulationClock Clock { get; }

    /// <summary>The options, validated.</summary>
    public ConductorOptions Options { get; }

    /// <summary>The Ironic release the conductor behaves as (from <see cref="Options"/>).</summary>
    public IronicRelease Release => Options.Release;

    /// <summary>The conductor's host name.</summary>
    public string Host { get; }

    /// <summary>Every node, in creation order, as snapshots.</summary>
    public ImmutableArray<NodeView> Nodes => [.. nodes.OfType<Node>().Select(n => n.ToView())];

    /// <summary>The node with this UUID or name, as a snapshot.</summary>
    /// <exception cref="NodeNotFoundException">No node has it.</exception>
    public NodeView GetNode(string ident) => Find(ident).ToView();

    /// <summary>The simulated machine behind a node: its BMC and its real power state.</summary>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public SimulatedMachine GetMachine(string ident)
    {
        var node = Find(ident);
        var simulated = machines[node.Index];
        simulated.Track(node.PowerState);
        return simulated;
    }

    /// <summary>Subscribes to every provision state change; dispose the result to stop.</summary>
    public IDisposable Subscribe(ITransitionObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observers.Add(observer);
        return new Subscription(observers, observer);
    }

    /// <summary>
    /// Enrolls a node (<c>POST /v1/nodes</c>). Set-up fields of the request may place it
    /// directly in another state.
    /// </summary>
    /// <exception cref="DriverNotFoundException">The hardware type is not enabled here.</exception>
    /// <exception cref="InvalidParameterValueException">A field is invalid.</exception>
    /// <exception cref="DuplicateNameException">The name is taken.</exception>
    /// <exception cref="NodeAlreadyExistsException">The UUID is taken.</exception>
    public NodeView CreateNode(NodeCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Driver != FakeHardware.Name)
        {
            throw new DriverNotFoundException(request.Driver);
        }

        if (request.DeployInterface is not (null or "fake" or "direct"))
        {
            throw new InvalidParameterValueException("deploy_interface", request.DeployInterface, ["fake", "direct"]);
        }

        if (request.RescueInterface is not (null or "fake" or "agent" or "no-rescue"))
        {
            throw new InvalidParameterValueException("rescue_interface", request.RescueInterface, ["fake", "agent", "no-rescue"]);
        }

        if (request.ManagementInterface is not (null or "fake" or "noop"))
        {
            throw new InvalidParameterValueException("management_interface", request.ManagementInterface, ["fake", "noop"]);
        }

        var interfaces = (request.DeployInterface ?? "fake", request.RescueInterface ?? "fake", request.ManagementInterface ?? "fake");
        if (!fakeHardware.TryGetValue(interfaces, out var hardware))
        {
            hardware = FakeHardware.Create(fakePower, interfaces.Item1, interfaces.Item2, interfaces.Item3);
            fakeHardware.Add(interfaces, hardware);
        }
        if (request.Name is { } name && !NodeNames.IsValid(name))
        {
            throw new InvalidParameterValueException("node name", name, []);
        }

        if (!machine.Exists(request.ProvisionState))
        {
            throw new InvalidParameterValueException(
                "provision state", request.ProvisionState.ToIronicName(), [.. machine.States.Select(s => s.ToIronicName())]);
        }

        if (request.PowerState is { } power && power is not (PowerState.PowerOn or PowerState.PowerOff))
        {
            throw new InvalidParameterValueException("power state", power.ToIronicName(), ["power on", "power off"]);
        }

        var uuid = request.Uuid ?? random.NewUuid().ToString();
        if (request.Name is not null && byName.ContainsKey(request.Name))
        {
            throw new DuplicateNameException(request.Name);
        }

        if (byUuid.ContainsKey(uuid))
        {
            throw new NodeAlreadyExistsException(uuid);
        }

        var node = new Node(nodes.Count, uuid, request.Name, hardware, Clock.GetUtcNow())
        {
            DriverInfo = request.DriverInfo,
            AutomatedClean = request.AutomatedClean,
            ConductorGroup = request.ConductorGroup,
            ProvisionState = request.ProvisionState,
            TargetProvisionState = machine.TargetOf(request.ProvisionState),
            PowerState = request.PowerState,
            Maintenance = request.Maintenance,
            MaintenanceReason = request.MaintenanceReason,
            Fault = request.Fault,
        };
        nodes.Add(node);
        stateBySlot.Add(node.ProvisionState);
        if (node.Fault == NodeFault.PowerFailure)
        {
            powerFailed.Add(node.Index);
        }

        stateCounts[(int)node.ProvisionState]++;
        machines.Add(new SimulatedMachine(node.Index, request.PowerState, CreateAgent(request), BootAgent));
        byUuid.Add(uuid, node);
        if (request.Name is not null)
        {
            byName.Add(request.Name, node);
        }

        return node.ToView();
    }

    /// <summary>Deletes a node (<c>DELETE /v1/nodes/{node}</c>) with Ironic's refusals.</summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    /// <exception cref="NodeLockedException">The node is locked.</exception>
    /// <exception cref="NodeAssociatedException">It has an instance and is not in maintenance.</exception>
    /// <exception cref="NodeProtectedException">It is protected.</exception>
    /// <exception cref="InvalidStateException">Its state does not allow deletion outside maintenance.</exception>
    public void DeleteNode(string ident)
    {
        var node = Find(ident);
        EnsureUnlocked(node);
        if (!node.Maintenance && node.InstanceUuid is not null)
        {
            throw new NodeAssociatedException(node.Uuid, node.InstanceUuid);
        }

        if (node.Protected)
        {
            throw new NodeProtectedException(node.Uuid);
        }

        var allowed = machine.StatesIn(ProvisionStateSet.DeleteAllowedStates);
        if (!node.Maintenance && !allowed.Contains(node.ProvisionState))
        {
            throw new InvalidStateException(
                $"Can not delete node \"{node.Uuid}\" while it is in provision state \"{node.ProvisionState.ToIronicName()}\". " +
                $"Valid provision states to perform deletion are: {string.Join(", ", allowed.Select(s => s.ToIronicName()).Order(StringComparer.Ordinal))}, " +
                "or set the node into maintenance mode");
        }

        nodes[node.Index] = null;
        stateCounts[(int)node.ProvisionState]--;
        node.Generation++;
        byUuid.Remove(node.Uuid);
        if (node.Name is not null)
        {
            byName.Remove(node.Name);
        }
    }

    private Agent.SimulatedAgent CreateAgent(NodeCreateRequest request)
    {
        var scheme = Options.Agent.RequireTls ? "https" : "http";
        var index = nodes.Count - 1;
        var agent = new Agent.SimulatedAgent(
            request.AgentCleanSteps ?? Agent.IpaCleanSteps.Default,
            $"{scheme}://10.{index / 65536 % 256}.{index / 256 % 256}.{index % 256}:9999") { Timed = agents is not null };
        if (request.PowerState == PowerState.PowerOn && agents is null)
        {
            agent.Start();
        }

        return agent;
    }

    private Node Find(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        return byUuid.TryGetValue(ident, out var node) || byName.TryGetValue(ident, out node)
            ? node
            : throw new NodeNotFoundException(ident);
    }

    private sealed class Subscription(List<ITransitionObserver> observers, ITransitionObserver observer) : IDisposable
    {
        public void Dispose() => observers.Remove(observer);
    }
}
