using System.Collections.Frozen;

namespace IronicCore.States;

/// <summary>
/// Every rule of the conductor that differs between Ironic releases, in one place: one member per
/// rule, named for it, each member's variants side by side (oldest release first). The conductor's
/// parts consult the profile of their release; profiles are built once, one per release, and
/// immutable, so a lookup on a hot path is an array read that allocates nothing.
/// docs/conductor.md lists the rules with the tests that pin them.
/// </summary>
internal sealed class ReleaseProfile
{
    private static readonly FrozenDictionary<string, int> StepRanks21_4 = new Dictionary<string, int>
    {
        ["power"] = 5, ["management"] = 4, ["deploy"] = 3, ["bios"] = 2, ["raid"] = 1,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, int> StepRanksSince2025_1 = new Dictionary<string, int>
    {
        ["vendor"] = 7, ["power"] = 6, ["management"] = 5, ["firmware"] = 4, ["deploy"] = 3, ["bios"] = 2, ["raid"] = 1,
    }.ToFrozenDictionary();

    private static readonly ReleaseProfile[] Profiles = [.. Enum.GetValues<IronicRelease>().Select(r => new ReleaseProfile(r))];

    private ReleaseProfile(IronicRelease release)
    {
        Release = release;
        Chronology = Of(release, release21_4: 0, release2025_1: 1, master: 2);

        // states.py: the hold states (clean, deploy, service hold) with hold/unhold, and servicing
        // (service, service wait, service failed, service hold) with the service verb.
        HoldsAndServicing = Of(release, release21_4: false, release2025_1: true, master: true);

        // states.py: (wait call-back, abort) -> deploy failed, as the API's abort of a deploy
        // waiting for its agent (1.110).
        AbortInWaitCallBack = Of(release, release21_4: false, release2025_1: false, master: true);

        // states.py: (service failed, abort) -> active, which ends a failed servicing.
        AbortInServiceFailed = Of(release, release21_4: false, release2025_1: false, master: true);

        // states.py: (service failed, wait) -> service wait, (service failed, hold) -> service hold and
        // (service hold, fail) -> service failed.
        ServiceFailedWaitsAndHolds = Of(release, release21_4: false, release2025_1: false, master: true);

        // states.py LOOKUP_ALLOWED_STATES: an agent may look itself up in service wait (so in-band
        // service steps can run after the ramdisk boots).
        LookupInServiceWait = Of(release, release21_4: false, release2025_1: false, master: true);

        // states.py: (inspect wait, resume) -> inspecting, for inspection continued by the inspector.
        ResumeInInspectWait = Of(release, release21_4: false, release2025_1: true, master: true);

        // steps.py CLEANING_INTERFACE_PRIORITY: master ranks vendor and firmware steps too.
        StepInterfaceRanks = Of(release, release21_4: StepRanks21_4, release2025_1: StepRanksSince2025_1, master: StepRanksSince2025_1);

        // steps.py _validate_user_steps: master drops the reserved step names (hold, wait,
        // power_on, power_off, reboot) from clean and service steps instead of looking them up.
        SkipsReservedSteps = Of(release, release21_4: false, release2025_1: true, master: true);

        // cleaning.py / servicing.py do_next_*_step: an abort waiting for the running step
        // (abort_after) is honoured after the last step too; 21.4 only when another step follows.
        AbortAfterLastStep = Of(release, release21_4: false, release2025_1: false, master: true);

        // manager.py _do_abort in DEPLOYWAIT: master reads the deploy step's abortable, which a step
        // the user asked for lacks (steps.py copies it for clean and service steps only), so such a
        // step is waited for (abort_after) and deployments.py aborts once it completes.
        DeployAbortWaitsForUserStep = Of(release, release21_4: false, release2025_1: false, master: true);

        // agent_base.py _freshly_booted: later releases take an agent whose commands are all the
        // kind's get_*_steps as freshly booted; 21.4 only an agent with none or that one command.
        FreshAgentMayRepeatStepsQuery = Of(release, release21_4: false, release2025_1: true, master: true);

        // deployments.py do_next_deploy_step: master also waits for the heartbeat when a step cannot
        // reach the agent because no agent_url is known yet (fast track from inspection, or a step
        // resumed by a poll after a reboot); the others only after a step's reboot.
        DeployWaitsForAgentUrl = Of(release, release21_4: false, release2025_1: false, master: true);

        // utils.py log_step_flow_history ([conductor] record_step_flows_in_history, on by default):
        // master records the start and end of each cleaning, deployment and servicing in node history.
        RecordsStepFlows = Of(release, release21_4: false, release2025_1: false, master: true);

        // utils.py cleaning_error_handler: when tearing the ramdisk down fails too, master names the
        // node and the reason; 21.4 only says it failed.
        TearDownFailureNamesReason = Of(release, release21_4: false, release2025_1: true, master: true);

        // manager.py _check_interfaces_update: master's refusal ends with the node's current state.
        InterfaceUpdateErrorNamesState = Of(release, release21_4: false, release2025_1: false, master: true);

        // api/controllers/v1/node.py provision: the runbook argument (API 1.92).
        ProvisionTakesRunbook = Of(release, release21_4: false, release2025_1: true, master: true);

        // manager.py do_provisioning_action: disable_ramdisk is taken by servicing as well as by
        // manual cleaning.
        ServiceTakesDisableRamdisk = Of(release, release21_4: false, release2025_1: false, master: true);

        // exception.py: BadRequest is its own class with no code (the API answers 500) in 21.4, and an
        // alias of Invalid (400) later.
        BadRequestIsInvalid = Of(release, release21_4: false, release2025_1: true, master: true);

        // exception.py ConcurrentActionLimit: its HTTP status.
        ConcurrentActionLimitStatus = Of(release, release21_4: 500, release2025_1: 503, master: 503);

        // manager.py _do_abort: abort in service wait or service hold is handled as in cleaning
        // (a non-abortable step is waited for; else fail, then abort back to active with a tear-down
        // in a worker); 2025.1 only fires the plain abort event (service failed, nothing torn down).
        AbortsServiceStep = Of(release, release21_4: false, release2025_1: false, master: true);

        // servicing.py do_node_service: master checks the steps before booting the ramdisk and runs
        // them without it when they validate (else boots it, or runs them as given); 29.0 boots the
        // agent's ramdisk first and checks the steps at its first heartbeat, or, with a deploy
        // interface that boots nothing, checks them at once and fails servicing if they do not pass.
        ServiceValidatesBeforeRamdisk = Of(release, release21_4: false, release2025_1: false, master: true);

        // drivers/modules/fake.py FakeVendorB.log_passthrough: a clean step of priority 1 (and a
        // service step), so every automated cleaning of fake-hardware runs it last.
        FakeVendorCleanStep = Of(release, release21_4: false, release2025_1: true, master: true);

        // drivers/modules/autodetect.py and conf/default.py autodetect_deploy_interfaces: master only.
        HasAutodetectDeploy = Of(release, release21_4: false, release2025_1: false, master: true);

        // manager.py heartbeat: a first heartbeat (no agent URL recorded) to a locked node is
        // refused with NodeLocked so the agent retries, instead of being dropped.
        RefusesFirstHeartbeatWhileLocked = Of(release, release21_4: false, release2025_1: false, master: true);

        // manager.py _sync_power_states with node history: a sync that finds the expected state
        // records it, which clears last_error.
        PowerSyncClearsLastError = Of(release, release21_4: false, release2025_1: false, master: true);

        // manager.py _sync_power_states: a node with redfish_fw_updates is skipped (its BMC may be
        // away while it updates): master only.
        PowerSyncSkipsFirmwareUpdates = Of(release, release21_4: false, release2025_1: false, master: true);

        // manager.py do_sync_power_state calls utils.node_cache_health after a successful read
        // ([conductor] enable_health_monitoring): master only.
        PowerSyncCachesHealth = Of(release, release21_4: false, release2025_1: false, master: true);

        // image_publisher.py VMEDIA_SUPPORTED_URL_SCHEMES and image_utils.prepare_remote_image: master
        // attaches nfs, cifs and smb images as they are (refusing them with download source 'local').
        VirtualMediaNetworkShares = Of(release, release21_4: false, release2025_1: false, master: true);

        // manager.py _check_servicewait_timeouts: the periodic task exists.
        ChecksServiceWaitTimeouts = Of(release, release21_4: false, release2025_1: true, master: true);

        // agent_base.py HeartbeatMixin: heartbeats are taken in servicing, service wait and the
        // hold states (recorded only, except in service wait).
        HeartbeatInServiceAndHoldStates = Of(release, release21_4: false, release2025_1: true, master: true);

        // The scenario format's agent is the oracle's ironic-python-agent: its automatic TLS makes it
        // call back over https where [agent]require_tls defaults to true.
        ScenarioAgentUsesTls = Of(release, release21_4: false, release2025_1: true, master: true);

        // conf/deploy.py http_url: master declares it a URI with scheme http or https and a host.
        ValidatesHttpUrl = Of(release, release21_4: false, release2025_1: true, master: true);

        // conductor/base_manager.py: master refuses to start with a worker pool too small for the
        // periodic tasks' reserve; 21.4 only warns.
        ChecksWorkerPool = Of(release, release21_4: false, release2025_1: false, master: true);

        // conductor/cleaning.py do_node_clean: master validates a manual or runbook clean's steps
        // against the driver's own before preparing the ramdisk (_validate_clean_steps_early); 29.0 does not.
        ValidatesCleanStepsEarly = Of(release, release21_4: false, release2025_1: false, master: true);

        // api/controllers/v1/node.py provision: master's step policy check
        // (validate_user_steps_policy) reads every step's interface and step before anything else.
        ChecksStepPolicyFirst = Of(release, release21_4: false, release2025_1: false, master: true);

        // api/controllers/v1/node.py _STEPS_SCHEMA: 29.0's and master's clean and service steps may carry "order".
        UserStepsTakeOrder = Of(release, release21_4: false, release2025_1: true, master: true);

        // conductor/inspection.py inspect_hardware: master's failure goes through
        // inspecting_error_handler, which cleans up the boot (abort, else clean_up_ramdisk).
        InspectionFailureCleansUpBoot = Of(release, release21_4: false, release2025_1: false, master: true);

        // conductor/cleaning.py, servicing.py: 29.0's and master's node_update_cache also runs when
        // cleaning and servicing end, and when servicing starts; 21.4 caches BIOS settings at the
        // start of cleaning only.
        UpdatesCacheAroundSteps = Of(release, release21_4: false, release2025_1: true, master: true);

        // conductor/utils.py node_update_cache (29.0 and master) caches the vendor and the boot mode
        // before the BIOS settings wherever it runs, cleaning's start included; 21.4's cleaning
        // caches the BIOS settings only, and its verification the vendor and boot mode after them.
        UpdateCacheReadsVendorAndBootMode = Of(release, release21_4: false, release2025_1: true, master: true);

        // drivers/modules/agent.py CustomAgentDeploy.prepare: 21.4 leaves an adopting node alone;
        // 29.0 and master treat adoption as a takeover and prepare the instance's boot.
        AdoptionPreparesInstanceBoot = Of(release, release21_4: false, release2025_1: true, master: true);
    }

    /// <summary>The release this profile describes.</summary>
    public IronicRelease Release { get; }

    /// <summary>The release's place in time: older releases have lower numbers.</summary>
    public int Chronology { get; }

    /// <summary>Whether the release has the hold states, <c>unhold</c>, and servicing (its states and <c>service</c>).</summary>
    public bool HoldsAndServicing { get; }

    /// <summary>Whether <c>abort</c> is allowed in <c>wait call-back</c> (the deploy fails).</summary>
    public bool AbortInWaitCallBack { get; }

    /// <summary>Whether <c>abort</c> is allowed in <c>service failed</c> (back to <c>active</c>).</summary>
    public bool AbortInServiceFailed { get; }

    /// <summary>Whether <c>service failed</c> allows <c>wait</c> and <c>hold</c>, and <c>service hold</c> allows <c>fail</c>.</summary>
    public bool ServiceFailedWaitsAndHolds { get; }

    /// <summary>Whether <c>service wait</c> is one of the states an agent may look itself up in.</summary>
    public bool LookupInServiceWait { get; }

    /// <summary>Whether <c>resume</c> is allowed in <c>inspect wait</c>.</summary>
    public bool ResumeInInspectWait { get; }

    /// <summary>The rank of each interface that may own a step: breaks ties of equal priority (highest first).</summary>
    public FrozenDictionary<string, int> StepInterfaceRanks { get; }

    /// <summary>Whether a user's clean or service step with a reserved name is skipped by validation and left out.</summary>
    public bool SkipsReservedSteps { get; }

    /// <summary>Whether an abort waiting for its step fails the operation after the last step too.</summary>
    public bool AbortAfterLastStep { get; }

    /// <summary>Whether an abort in <c>wait call-back</c> during a deploy step the user asked for waits for the step to complete.</summary>
    public bool DeployAbortWaitsForUserStep { get; }

    /// <summary>Whether an agent that has run its <c>get_*_steps</c> more than once, and nothing else, still counts as freshly booted.</summary>
    public bool FreshAgentMayRepeatStepsQuery { get; }

    /// <summary>Whether a deploy step that finds no <c>agent_url</c> waits for the agent's heartbeat instead of failing the deployment.</summary>
    public bool DeployWaitsForAgentUrl { get; }

    /// <summary>Whether the start and end of each cleaning, deployment and servicing go to node history (<see cref="Conducting.StepFlowHistory"/>).</summary>
    public bool RecordsStepFlows { get; }

    /// <summary>Whether a failed tear-down after a cleaning failure names the node and the reason.</summary>
    public bool TearDownFailureNamesReason { get; }

    /// <summary>Whether a refused interface update names the node's current state.</summary>
    public bool InterfaceUpdateErrorNamesState { get; }

    /// <summary>Whether the provision request takes a <c>runbook</c>.</summary>
    public bool ProvisionTakesRunbook { get; }

    /// <summary>Whether <c>service</c> takes <c>disable_ramdisk</c> (manual cleaning always does).</summary>
    public bool ServiceTakesDisableRamdisk { get; }

    /// <summary>Whether servicing checks its steps before booting the ramdisk (and skips the ramdisk when they pass).</summary>
    public bool ServiceValidatesBeforeRamdisk { get; }

    /// <summary>Whether fake-hardware's vendor interface has the automated clean step <c>vendor.log_passthrough</c> (priority 1).</summary>
    public bool FakeVendorCleanStep { get; }

    /// <summary>Whether the release has the <c>autodetect</c> deploy interface and its <c>[DEFAULT] autodetect_deploy_interfaces</c> option.</summary>
    public bool HasAutodetectDeploy { get; }

    /// <summary>Whether <c>abort</c> in <c>service wait</c> or <c>service hold</c> aborts the service step (else it is the plain event).</summary>
    public bool AbortsServiceStep { get; }

    /// <summary>Whether Ironic's <c>BadRequest</c> is its <c>Invalid</c> (400) rather than a class of its own (500).</summary>
    public bool BadRequestIsInvalid { get; }

    /// <summary>The HTTP status of <c>ConcurrentActionLimit</c>.</summary>
    public int ConcurrentActionLimitStatus { get; }

    /// <summary>Whether an agent's first heartbeat to a locked node is refused (NodeLocked) rather than dropped.</summary>
    public bool RefusesFirstHeartbeatWhileLocked { get; }

    /// <summary>Whether a power sync that finds the expected state clears <c>last_error</c> (with node history on).</summary>
    public bool PowerSyncClearsLastError { get; }

    /// <summary>Whether the power sync passes over a node whose firmware updates are still recorded (<see cref="Drivers.IFirmwareInterface.HasUpdates"/>).</summary>
    public bool PowerSyncSkipsFirmwareUpdates { get; }

    /// <summary>Whether a power sync that read the power state caches the node's <c>health</c> from its management interface (<c>[conductor] enable_health_monitoring</c>).</summary>
    public bool PowerSyncCachesHealth { get; }

    /// <summary>Whether virtual media attached through the API may come from nfs, cifs and smb shares (passed to the BMC as they are).</summary>
    public bool VirtualMediaNetworkShares { get; }

    /// <summary>Whether the <c>service wait</c> timeout task runs.</summary>
    public bool ChecksServiceWaitTimeouts { get; }

    /// <summary>Whether heartbeats are taken in <c>servicing</c>, <c>service wait</c> and the hold states.</summary>
    public bool HeartbeatInServiceAndHoldStates { get; }

    /// <summary>Whether the scenario format's scripted agent calls back over https.</summary>
    public bool ScenarioAgentUsesTls { get; }

    /// <summary>Whether <c>[deploy]http_url</c> must be an http(s) URL with a host.</summary>
    public bool ValidatesHttpUrl { get; }

    /// <summary>Whether options whose worker pool cannot serve the periodic tasks are refused.</summary>
    public bool ChecksWorkerPool { get; }

    /// <summary>
    /// Whether a manual or runbook clean validates its steps before preparing the ramdisk: a failure
    /// waits for the agent, and steps that all run without the ramdisk clean without booting it.
    /// </summary>
    public bool ValidatesCleanStepsEarly { get; }

    /// <summary>Whether the provision API reads each step's <c>interface</c> and <c>step</c> first (a missing one is a 500 <c>KeyError</c>).</summary>
    public bool ChecksStepPolicyFirst { get; }

    /// <summary>Whether a user's clean or service step may carry an <c>order</c>.</summary>
    public bool UserStepsTakeOrder { get; }

    /// <summary>Whether a failed inspection cleans up the ramdisk's boot (an inspect interface without <c>abort</c>) before <c>fail</c>.</summary>
    public bool InspectionFailureCleansUpBoot { get; }

    /// <summary>Whether the node's cached BIOS settings and firmware components are read again when cleaning ends and when servicing starts and ends.</summary>
    public bool UpdatesCacheAroundSteps { get; }

    /// <summary>Whether the cache updates of cleaning and servicing also cache the vendor and the boot mode (Ironic's <c>node_update_cache</c>), before the BIOS settings; else only verification does, after them.</summary>
    public bool UpdateCacheReadsVendorAndBootMode { get; }

    /// <summary>Whether an agent deploy's <c>prepare</c> prepares the instance's boot for a node being adopted (which reaches the BMC).</summary>
    public bool AdoptionPreparesInstanceBoot { get; }

    /// <summary>Whether this release is <paramref name="release"/> or came after it (what <paramref name="release"/> introduced, it has).</summary>
    public bool IsAtLeast(IronicRelease release) => Chronology >= For(release).Chronology;

    /// <summary>The profile of <paramref name="release"/>.</summary>
    public static ReleaseProfile For(IronicRelease release) =>
        (uint)release < (uint)Profiles.Length ? Profiles[(int)release] : throw new ArgumentOutOfRangeException(nameof(release), release, null);

    private static T Of<T>(IronicRelease release, T release21_4, T release2025_1, T master) => release switch
    {
        IronicRelease.Release21_4 => release21_4,
        IronicRelease.Release2025_1 => release2025_1,
        IronicRelease.Master => master,
        _ => throw new ArgumentOutOfRangeException(nameof(release), release, null),
    };
}
