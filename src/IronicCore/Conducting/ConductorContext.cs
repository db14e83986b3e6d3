using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Conducting.Periodic;
using IronicCore.InspectionRules;
using IronicCore.Maintenance;
using IronicCore.Resources;
using IronicCore.Runbooks;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// What the conductor's parts share: the clock, options, state machine, maintenance policy and
/// random stream, and the parts themselves, so each reaches the others without holding their
/// state. Built once per conductor; the parts are made here in an order where none needs one
/// made after it while being built.
/// </summary>
internal sealed class ConductorContext
{
    public ConductorContext(
        ConductorOptions options,
        SimulationClock clock,
        IMaintenancePolicy maintenancePolicy,
        ulong seed,
        string host,
        AgentBehaviour? agentBehaviour,
        ISimulationEventHandler handler)
    {
        Options = options;
        Clock = clock;
        MaintenancePolicy = maintenancePolicy;
        Seed = seed;
        Host = host;
        AgentBehaviour = agentBehaviour;
        Handler = handler;
        Machine = ProvisionStateMachine.For(options.Release);
        Profile = ReleaseProfile.For(options.Release);
        Random = new SeededRandom(seed);
        Nodes = new NodeTable();
        Tasks = new TaskManager(this);
        Drivers = new DriverFactory(this);
        History = new NodeHistory(this);
        StepFlows = new StepFlowHistory(this);
        Power = new PowerActions(this);
        Verification = new Verification(this);
        Plans = new StepPlans(this);
        Steps = new StepRunner(this);
        StepErrors = new StepErrorHandler(this);
        Cleaning = new Cleaning(this);
        Deployment = new Deployment(this);
        Adoption = new Adoption(this);
        Servicing = new Servicing(this);
        Rescue = new Rescue(this);
        Inspection = new Inspection(this);
        Provisioning = new Provisioning(this);
        Records = new NodeRecords(this);
        Network = new Networking(this);
        Runbooks = new RunbookTable(seed);
        InspectionRules = new InspectionRuleTable(seed);
        ChassisTable = new ChassisTable(seed);
        Allocations = new AllocationTable(seed);
        DeployTemplates = new DeployTemplates.DeployTemplateTable(seed);
        Volumes = new Volumes.VolumeTable(seed);
        TemplateSteps = new DeployTemplateSteps(this);
        AllocationRules = new Allocations(this);
        Management = new Management(this);
        Console = new NodeConsole(this);
        Vendor = new VendorPassthru(this);
        Autodetect = new Autodetect(this);
        Raid = new Raid(this);
        RamdiskApi = new RamdiskApi(this);
        AgentHost = new AgentHost(this);
        Utils = new ConductorUtils(this);
        Agents = new AgentRuntime(clock, Random, options, agentBehaviour, handler, AgentHost, Profile.ScenarioAgentUsesTls);
        Workers = new WorkerDispatch(this);
        Periodics = new PeriodicTasks(clock, handler, [
            new CleanWaitTimeouts(this),
            new DeployTimeouts(this),
            new InspectWaitTimeouts(this),
            new RescueWaitTimeouts(this),
            new ServiceWaitTimeouts(this),
            new PowerFailureRecovery(this),
            new PowerStateSync(this),
            new NodeHistoryCleanup(this),
        ]);
    }

    public ConductorOptions Options { get; }

    public IronicRelease Release => Options.Release;

    public SimulationClock Clock { get; }

    public IMaintenancePolicy MaintenancePolicy { get; }

    public ulong Seed { get; }

    public string Host { get; }

    /// <summary>How agents behave on their own; null when they act only when told (a scenario).</summary>
    public AgentBehaviour? AgentBehaviour { get; }

    /// <summary>The handler every conductor event is scheduled for (the conductor, which hands it to <see cref="Workers"/>).</summary>
    public ISimulationEventHandler Handler { get; }

    /// <summary>The provision state machine of <see cref="Release"/>.</summary>
    public ProvisionStateMachine Machine { get; }

    /// <summary>The rules of <see cref="Release"/> that differ between releases.</summary>
    public ReleaseProfile Profile { get; }

    /// <summary>The conductor's random stream: node UUIDs, agent tokens, timed agents' draws.</summary>
    public SeededRandom Random { get; }

    public NodeTable Nodes { get; }

    public TaskManager Tasks { get; }

    public DriverFactory Drivers { get; }

    public NodeHistory History { get; }

    /// <summary>Master's node history entries at the start and end of cleaning, deployment and servicing.</summary>
    public StepFlowHistory StepFlows { get; }

    public PowerActions Power { get; }

    public Verification Verification { get; }

    public StepPlans Plans { get; }

    public StepRunner Steps { get; }

    /// <summary>The error handlers of cleaning and servicing.</summary>
    public StepErrorHandler StepErrors { get; }

    public Cleaning Cleaning { get; }

    public Deployment Deployment { get; }

    public Adoption Adoption { get; }

    public Servicing Servicing { get; }

    public Rescue Rescue { get; }

    public Inspection Inspection { get; }

    public Provisioning Provisioning { get; }

    public NodeRecords Records { get; }

    /// <summary>The ports, portgroups and VIFs.</summary>
    public Networking Network { get; }

    /// <summary>The runbooks (Ironic's API stores them without the conductor; automated cleaning reads them).</summary>
    public RunbookTable Runbooks { get; }

    /// <summary>The inspection rules.</summary>
    public InspectionRuleTable InspectionRules { get; }

    /// <summary>The chassis (<c>/v1/chassis</c>).</summary>
    public ChassisTable ChassisTable { get; }

    /// <summary>The allocations (<c>/v1/allocations</c>).</summary>
    public AllocationTable Allocations { get; }

    /// <summary>The deploy templates (<c>/v1/deploy_templates</c>), which deployments read through the node's instance traits.</summary>
    public DeployTemplates.DeployTemplateTable DeployTemplates { get; }

    /// <summary>How a deployment finds and checks the steps of the templates its node's instance traits name.</summary>
    public DeployTemplateSteps TemplateSteps { get; }

    /// <summary>The volume connectors and targets (<c>/v1/volume</c>).</summary>
    public Volumes.VolumeTable Volumes { get; }

    /// <summary>The conductor's allocation logic.</summary>
    public Allocations AllocationRules { get; }

    public Management Management { get; }

    public NodeConsole Console { get; }

    public VendorPassthru Vendor { get; }

    /// <summary>Master's <c>autodetect</c> deploy interface's switch to a concrete interface, and back.</summary>
    public Autodetect Autodetect { get; }

    public Raid Raid { get; }

    public RamdiskApi RamdiskApi { get; }

    public AgentHost AgentHost { get; }

    /// <summary>What the deploy and rescue interfaces call back into.</summary>
    public ConductorUtils Utils { get; }

    public AgentRuntime Agents { get; }

    public WorkerDispatch Workers { get; }

    public PeriodicTasks Periodics { get; }
}
