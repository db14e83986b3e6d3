using System.Collections.Immutable;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore;

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
    /// <summary>What is running now, for the transitions it makes: a request unless the clock is running an event.</summary>
    private TransitionCause cause = TransitionCause.Request;

    private readonly List<DriverTask> tasks = [];

    // Made once: a method group makes a new delegate each time, and every node's machine and
    // task hold these (192 bytes a node when each had its own).
    private readonly Action<SimulatedMachine> bootAgent;
    private readonly Action<DriverTask, string?> imageDownloaded;
    private readonly Action<DriverTask> ramdiskFetched;
    private readonly Dictionary<string, HardwareType> hardwareTypes = new(StringComparer.Ordinal) { [FakeHardware.Name] = FakeHardware.Type };
    private readonly Dictionary<(string Driver, string Deploy, string Rescue, string Management), NodeDriver> nodeDrivers = [];
    private readonly ulong seed;
    private readonly PeriodicTasks periodics;
    private readonly Agent.AgentBehaviour? agents;
    private readonly List<Node> timedOut = [];

    // The slots of nodes in maintenance, and of nodes whose power power sync failed to read on
    // its last visit: the few a fleet-wide pass must single out, kept as changes happen.
    private readonly IndexSet maintenanceSlots = new(0);
    private readonly IndexSet powerSyncFailing = new(0);
    private readonly List<int> powerSyncFirst = [];

    // The slots of nodes given fault "power failure" (by power sync, or at creation): the only
    // ones power failure recovery can act on, so it need not read the whole fleet every run.
    private readonly SortedSet<int> powerFailed = [];
    private readonly Dictionary<(NodeDriver, ImmutableArray<Steps.StepDefinition>), ImmutableArray<(Steps.StepDefinition, Steps.StepRequest?)>> agentCleanPlans = [];
    private readonly Dictionary<NodeDriver, ImmutableArray<(Steps.StepDefinition, Steps.StepRequest?)>> automatedCleanSteps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<NodeDriver, ImmutableArray<(Steps.StepDefinition, Steps.StepRequest?)>> deploySteps = new(ReferenceEqualityComparer.Instance);

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
        this.seed = seed;
        this.agents = agents;
        bootAgent = BootAgent;
        imageDownloaded = ImageDownloaded;
        ramdiskFetched = RamdiskFetched;
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

    /// <summary>
    /// Enables a hardware type (Ironic's <c>[DEFAULT] enabled_hardware_types</c>): nodes created
    /// afterwards may ask for it by <see cref="HardwareType.Name"/>. <paramref name="create"/> runs
    /// once, here, with the conductor's clock, options and a random stream of the type's own.
    /// </summary>
    /// <param name="name">The <c>driver</c> name, e.g. <c>ipmi</c>.</param>
    /// <param name="create">Builds the type's interfaces; the result must carry <paramref name="name"/>.</param>
    /// <returns>The registered type.</returns>
    /// <exception cref="ArgumentException">The name is taken, or the type carries another name.</exception>
    public HardwareType RegisterHardwareType(string name, Func<DriverContext, HardwareType> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        if (hardwareTypes.ContainsKey(name))
        {
            throw new ArgumentException($"The hardware type {name} is registered already.", nameof(name));
        }

        var type = create(new DriverContext(Clock, Options, new SeededRandom(SeededRandom.StreamSeed(seed, name))));
        if (type.Name != name)
        {
            throw new ArgumentException($"The factory for {name} built a hardware type named {type.Name}.", nameof(create));
        }

        hardwareTypes.Add(name, type);
        return type;
    }

    /// <summary>The node as its driver interfaces see it, for driver code outside a driver call (e.g. to inspect what a boot interface wrote).</summary>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public DriverTask GetDriverTask(string ident) => TaskOf(Find(ident));

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
        var hardware = DriverFor(request);
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

        // The agent first, then the node, its machine and its task together: a fleet-wide pass
        // such as power sync reads those three, and side by side in memory they cost one stream
        // of reads instead of three scattered ones.
        var agent = CreateAgent(request, nodes.Count);
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
        TakeCreationFields(node, request);
        var simulated = new SimulatedMachine(node.Index, request.PowerState, agent, bootAgent);
        var task = new DriverTask(node, simulated, Clock, imageDownloaded, ramdiskFetched);
        nodes.Add(node);
        machines.Add(simulated);
        tasks.Add(task);
        stateBySlot.Add(node.ProvisionState);
        Index(node);
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
        ForgetHistory(node);
        Network.RemoveNode(node.Uuid);
        stateCounts[(int)node.ProvisionState]--;
        maintenanceSlots.Remove(node.Index);
        powerSyncFailing.Remove(node.Index);
        node.Generation++;
        byUuid.Remove(node.Uuid);
        if (node.Name is not null)
        {
            byName.Remove(node.Name);
        }
    }

    /// <summary>
    /// The node's driver: its hardware type with the interfaces it asks for, checked against what
    /// the type supports (fake-hardware: fake or direct deploy, fake or noop management; others:
    /// direct deploy, their own management), shared by every node with the same choice.
    /// </summary>
    private NodeDriver DriverFor(NodeCreateRequest request)
    {
        if (!hardwareTypes.TryGetValue(request.Driver, out var type))
        {
            throw new DriverNotFoundException(request.Driver);
        }

        var fake = type == FakeHardware.Type;
        ImmutableArray<string> deployInterfaces = fake ? ["fake", "direct"] : ["direct"];
        if (request.DeployInterface is { } deploy && !deployInterfaces.Contains(deploy))
        {
            throw new InvalidParameterValueException("deploy_interface", deploy, deployInterfaces);
        }

        ImmutableArray<string> rescueInterfaces = fake ? ["fake", "agent", "no-rescue"] : ["agent", "no-rescue"];
        if (request.RescueInterface is { } rescue && !rescueInterfaces.Contains(rescue))
        {
            throw new InvalidParameterValueException("rescue_interface", rescue, rescueInterfaces);
        }

        // The simulator lets fake-hardware take Ironic's noop management interface (the boot
        // order set up by hand), which Ironic 21.4's fake-hardware lacks, so a direct deploy can
        // boot the instance from disk and fleets of fake nodes can host tenants.
        ImmutableArray<string> managementInterfaces = fake ? ["fake", "noop"] : [type.Management.Name];
        if (request.ManagementInterface is { } management && !managementInterfaces.Contains(management))
        {
            throw new InvalidParameterValueException("management_interface", management, managementInterfaces);
        }

        var key = (type.Name, request.DeployInterface ?? deployInterfaces[0], request.RescueInterface ?? (fake ? "fake" : "no-rescue"),
            request.ManagementInterface ?? managementInterfaces[0]);
        if (!nodeDrivers.TryGetValue(key, out var driver))
        {
            driver = fake
                ? FakeHardware.Create(key.Item2, key.Item3, key.Item4)
                : new NodeDriver(type, key.Item2, "no-inspect", key.Item3, [], NodeDriver.DirectDeploySteps);
            nodeDrivers.Add(key, driver);
        }

        return driver;
    }

    /// <summary>
    /// Counts a node by its state and enters it in the sets derived from its fields (maintenance,
    /// power failure, power sync failing): for a new node and for each node a snapshot restores.
    /// </summary>
    private void Index(Node node)
    {
        stateCounts[(int)node.ProvisionState]++;
        if (node.Maintenance)
        {
            maintenanceSlots.Add(node.Index);
        }

        if (node.Fault == NodeFault.PowerFailure)
        {
            powerFailed.Add(node.Index);
        }

        if (node.PowerSyncFailures > 0)
        {
            powerSyncFailing.Add(node.Index);
        }
    }

    /// <summary>What the node's driver interfaces see of it.</summary>
    private DriverTask TaskOf(Node node) => tasks[node.Index];

    private Agent.SimulatedAgent CreateAgent(NodeCreateRequest request, int slot)
    {
        var agent = new Agent.SimulatedAgent(request.AgentCleanSteps ?? Agent.IpaCleanSteps.Default, slot, Options.Agent.RequireTls)
        {
            Timed = agents is not null,
        };
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
