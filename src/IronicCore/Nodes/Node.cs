using System.Collections.Immutable;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Nodes;

/// <summary>
/// A node's record as the conductor keeps it: Ironic's fields, mutable, owned by the
/// conductor alone. Callers see <see cref="NodeView"/> snapshots.
/// </summary>
internal sealed class Node
{
    private long createdTicks;

    public Node(int index, string uuid, string? name, NodeInterfaces interfaces, DateTimeOffset now)
    {
        Index = index;
        Uuid = uuid;
        Name = name;
        Interfaces = interfaces;
        ProvisionUpdatedAt = now;
        CreatedAt = now;
    }

    /// <summary>The node's slot in the conductor's tables; stable for its lifetime.</summary>
    public int Index { get; }

    public string Uuid { get; }

    public string? Name { get; set => field = Changed(value); }

    /// <summary>The names of its hardware type and interfaces; the conductor runs the driver built from them (<c>task.driver</c>).</summary>
    public NodeInterfaces Interfaces { get; set => field = Changed(value); }

    /// <summary><c>created_at</c>: when the node was enrolled (kept as UTC ticks: 8 bytes a node, not 16).</summary>
    public DateTimeOffset CreatedAt
    {
        get => new(createdTicks, TimeSpan.Zero);
        set => createdTicks = Changed(value).UtcTicks;
    }

    /// <summary>The fields the conductor's flows do not read (<c>properties</c>, <c>traits</c>, ...): one shared empty value until one is set.</summary>
    public NodeDetails Details { get; set => field = Changed(value); } = NodeDetails.Empty;

    public ImmutableSortedDictionary<string, string> DriverInfo { get; set => field = Changed(value); } = ImmutableSortedDictionary<string, string>.Empty;

    public ProvisionState ProvisionState { get; set => field = Changed(value); } = ProvisionStateMachine.InitialState;

    public ProvisionState? TargetProvisionState { get; set => field = Changed(value); }

    public DateTimeOffset ProvisionUpdatedAt { get; set => field = Changed(value); }

    public DateTimeOffset? InspectionStartedAt { get; set => field = Changed(value); }

    public PowerState? PowerState
    {
        get;
        set
        {
            field = Changed(value);
            PowerSyncQuiet?.Clear(Index);
        }
    }

    public PowerState? TargetPowerState { get; set => field = Changed(value); }

    public bool Maintenance { get; set => field = Changed(value); }

    public string? MaintenanceReason { get; set => field = Changed(value); }

    public NodeFault? Fault { get; set => field = Changed(value); }

    public string? LastError
    {
        get;
        set
        {
            field = Changed(value);
            PowerSyncQuiet?.Clear(Index);
        }
    }

    public string? Reservation { get; set => field = Changed(value); }

    public string ConductorGroup { get; set => field = Changed(value); } = string.Empty;

    public bool? AutomatedClean { get; set => field = Changed(value); }

    public bool Protected { get; set => field = Changed(value); }

    public string? ProtectedReason { get; set => field = Changed(value); }

    public bool Retired { get; set => field = Changed(value); }

    public string? RetiredReason { get; set => field = Changed(value); }

    /// <summary>Ironic's <c>disable_power_off</c> (API 1.95): the machine must never be powered off, only rebooted.</summary>
    public bool DisablePowerOff { get; set => field = Changed(value); }

    public string? InstanceUuid { get; set => field = Changed(value); }

    /// <summary><c>clean_step</c>: setting it (another step, or none) drops <see cref="AbortAfterStep"/>, which Ironic keeps inside the step.</summary>
    public StepReference? CleanStep
    {
        get;
        set
        {
            field = Changed(value);
            AbortAfterStep = false;
        }
    }

    /// <summary><c>deploy_step</c>: setting it drops <see cref="AbortAfterStep"/>, as for <see cref="CleanStep"/>.</summary>
    public StepReference? DeployStep
    {
        get;
        set
        {
            field = Changed(value);
            AbortAfterStep = false;
        }
    }

    /// <summary><c>service_step</c>: setting it drops <see cref="AbortAfterStep"/>, as for <see cref="CleanStep"/>.</summary>
    public StepReference? ServiceStep
    {
        get;
        set
        {
            field = Changed(value);
            AbortAfterStep = false;
        }
    }

    /// <summary>
    /// <c>driver_internal_info.agent_secret_token</c>: made at the agent's lookup (or by virtual media,
    /// see <see cref="SetPregeneratedAgentToken"/>), required on every heartbeat. Every other way Ironic
    /// sets or removes the token (<c>add_secret_token</c>, <c>wipe_token_and_url</c>) also drops
    /// <see cref="AgentTokenPregenerated"/>, so setting it here does.
    /// </summary>
    public string? AgentToken
    {
        get;
        set
        {
            field = value;
            AgentTokenPregenerated = false;
        }
    }

    /// <summary>
    /// <c>driver_internal_info.agent_secret_token_pregenerated</c>: the token was written into the
    /// agent's boot ISO, so a power-off keeps it (the agent that boots next already holds it).
    /// </summary>
    public bool AgentTokenPregenerated { get; private set; }

    /// <summary>Ironic's <c>add_secret_token(node, pregenerated=True)</c>, as virtual media boot calls it.</summary>
    public void SetPregeneratedAgentToken(string token)
    {
        AgentToken = token;
        AgentTokenPregenerated = true;
    }

    /// <summary><c>driver_internal_info.agent_url</c>: set by every processed heartbeat.</summary>
    public string? AgentUrl { get; set; }

    /// <summary>The accepted heartbeat's URL and version, recorded when its worker runs.</summary>
    public string? PendingAgentUrl { get; set; }

    /// <summary>See <see cref="PendingAgentUrl"/>.</summary>
    public string? PendingAgentVersion { get; set; }

    /// <summary><c>driver_internal_info.agent_version</c>.</summary>
    public string? AgentVersion { get; set; }

    /// <summary><c>driver_internal_info.agent_last_heartbeat</c>.</summary>
    public DateTimeOffset? AgentLastHeartbeat { get; set; }

    /// <summary>
    /// <c>driver_internal_info.agent_cached_clean_steps</c>, or while the node is servicing
    /// <c>agent_cached_service_steps</c> (a node runs one of the two at a time, each reads its own
    /// at the agent's first heartbeat, and servicing's ends with it wiped): what the agent
    /// reported, until it powers off.
    /// </summary>
    public ImmutableArray<Steps.StepDefinition>? AgentCachedCleanSteps { get; set; }

    /// <summary>
    /// Whether <c>driver_internal_info.agent_cached_deploy_steps</c> is set: the booted agent's
    /// in-band deploy steps were read (at its first heartbeat of a deployment), until it powers
    /// off or the deployment ends. A heartbeat in <c>wait call-back</c> without them reads them first.
    /// </summary>
    public bool AgentDeployStepsCached { get; set; }

    /// <summary><c>driver_internal_info.clean_steps</c> or <c>service_steps</c>: the steps of the running cleaning or servicing (a node runs one at a time), with the user's request for each.</summary>
    public ImmutableArray<(Steps.StepDefinition Step, Steps.StepRequest? User)> StepPlan { get; set; } = [];

    /// <summary><c>driver_internal_info.clean_step_index</c> or <c>service_step_index</c>: where the current step is in <see cref="StepPlan"/>.</summary>
    public int? StepIndex { get; set; }

    /// <summary><c>driver_internal_info.deploy_steps</c>: the steps of this deployment, with the user's request for each.</summary>
    public ImmutableArray<(Steps.StepDefinition Step, Steps.StepRequest? User)> DeployPlan { get; set; } = [];

    /// <summary>
    /// <c>driver_internal_info.agent_start_attempted</c> (master): the conductor prepared the ramdisk's
    /// boot since the agent last lost power or a step flow was wiped. Master's service abort reads it to
    /// decide whether to power the machine off and on around the tear-down.
    /// </summary>
    public bool AgentStartAttempted { get; set; }

    /// <summary>Whether the deploy interface prepared this deployment (Ironic's <c>prepare</c>, which puts the image URL in place).</summary>
    public bool DeployPrepared { get; set; }

    /// <summary><c>instance_info.rescue_password</c>: stored by a rescue request, for the agent's <c>finalize_rescue</c>.</summary>
    public string? RescuePassword { get; set; }

    /// <summary><c>driver_internal_info.deploy_step_index</c>.</summary>
    public int? DeployStepIndex { get; set; }

    /// <summary><c>driver_internal_info.cleaning_reboot</c>, <c>servicing_reboot</c> or <c>deployment_reboot</c>: a step asked for a reboot; the next heartbeat continues.</summary>
    public bool StepReboot { get; set; }

    /// <summary><c>driver_internal_info.skip_current_clean_step</c>, <c>skip_current_service_step</c> or <c>skip_current_deploy_step</c>: false re-runs the current step on resume.</summary>
    public bool SkipCurrentStep { get; set; } = true;

    /// <summary><c>driver_internal_info.cleaning_disable_ramdisk</c> or <c>service_disable_ramdisk</c>.</summary>
    public bool StepsDisableRamdisk { get; set; }

    /// <summary>Whether the running clean or service step may be aborted at once.</summary>
    public bool StepAbortable { get; set; }

    /// <summary>
    /// An abort arrived during a step that cannot be aborted: fail when it ends (Ironic's
    /// <c>abort_after</c>, a key of the running <c>clean_step</c> or <c>service_step</c>). It lives
    /// and dies with that step: whatever sets the step again (the next step, a re-run, the end,
    /// a failure or an abort) drops it, so it never reaches another operation.
    /// </summary>
    public bool AbortAfterStep { get; set; }

    /// <summary>The user's steps for the manual clean or service the worker is about to run.</summary>
    public ImmutableArray<Steps.StepRequest> RequestedSteps { get; set; } = [];

    /// <summary>The request's <c>disable_ramdisk</c>.</summary>
    public bool DisableRamdisk { get; set; }

    /// <summary>The state an undeploy started from (rescue states need a rescue clean-up first).</summary>
    public ProvisionState TearDownFrom { get; set; }

    /// <summary>Consecutive failed power syncs (Ironic keeps this count in the conductor, per node).</summary>
    public int PowerSyncFailures { get; set; }

    /// <summary>
    /// Bumped whenever the node leaves a state, so events scheduled for the old state are
    /// recognised as stale when they fire.
    /// </summary>
    public long Generation { get; set => field = Changed(value); }

    /// <summary>The name if there is one, else the UUID: how Ironic's messages name a node.</summary>
    public string Ident => Uuid;

    /// <summary>
    /// The table's record of slots whose <see cref="NodeView"/> changed, while a reader keeps views
    /// of the nodes (the API's published view); null otherwise, so a fleet run pays one null check a field set.
    /// </summary>
    public Simulation.IndexSet? Changes { get; set; }

    /// <summary>
    /// The table's slots whose power sync is known to change nothing: a change of
    /// <see cref="PowerState"/> or <see cref="LastError"/> takes the node out.
    /// </summary>
    public Simulation.SlotFlags? PowerSyncQuiet { get; set; }

    public NodeView ToView() => new(this);

    // Every field a view shows is set through here.
    private T Changed<T>(T value)
    {
        Changes?.Add(Index);
        return value;
    }
}
