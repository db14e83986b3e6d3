using IronicCore.Agent;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore;

/// <summary>
/// The ramdisk agent's side of the API: <c>GET /v1/lookup</c> and
/// <c>POST /v1/heartbeat/{node}</c> (Ironic's <c>HeartbeatMixin</c>, behaviour spec 4).
/// </summary>
public sealed partial class Conductor
{
    private const string MaskedToken = "******";

    /// <summary>
    /// The agent looks its node up (<c>GET /v1/lookup</c>): allowed only in
    /// <c>LOOKUP_ALLOWED_STATES</c> (with <c>[api] restrict_lookup</c>). The first lookup makes
    /// the node's agent token and returns it; later ones get it masked, so it cannot be read twice.
    /// </summary>
    /// <returns>The token, or <c>"******"</c> when one was already handed out.</returns>
    /// <exception cref="NotFoundException">The node is not in a state that allows lookup (404).</exception>
    public string Lookup(string ident) => Lookup(Find(ident));

    private string Lookup(Node node)
    {
        var allowed = Options.Deploy.FastTrack ? ProvisionStateSet.FastTrackLookupAllowedStates : ProvisionStateSet.LookupAllowedStates;
        if (Options.Api.RestrictLookup && !machine.StatesIn(allowed).Contains(node.ProvisionState))
        {
            throw new NotFoundException($"Node {node.Uuid} could not be found: its provision state does not allow lookup.");
        }

        if (node.AgentToken is not null)
        {
            return MaskedToken;
        }

        node.AgentToken = random.NewUuid().ToString("N");
        return node.AgentToken;
    }

    /// <summary>
    /// The agent reports in (<c>POST /v1/heartbeat/{node}</c>). Checked at once (version,
    /// token, TLS); then, as a worker, the heartbeat is recorded and acted on as Ironic does in
    /// the node's state, with maintenance deciding through the maintenance policy.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="callbackUrl">The agent's URL.</param>
    /// <param name="agentVersion">The agent's version; required.</param>
    /// <param name="agentToken">The token from <see cref="Lookup(string)"/>.</param>
    /// <exception cref="InvalidParameterValueException">No version, a wrong or missing token, or plain HTTP where TLS is required (400).</exception>
    /// <exception cref="NodeLockedException">Master: the agent's first heartbeat while the node is reserved (409); it retries.</exception>
    public void Heartbeat(string ident, string callbackUrl, string? agentVersion, string? agentToken)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        Heartbeat(Find(ident), callbackUrl, agentVersion, agentToken);
    }

    private void Heartbeat(Node node, string callbackUrl, string? agentVersion, string? agentToken)
    {
        if (agentVersion is null)
        {
            throw new InvalidParameterValueException(
                "Agent did not transmit a version, and a version is required. Please update the agent being used.");
        }

        if (agentToken is null || agentToken != node.AgentToken)
        {
            throw new InvalidParameterValueException("Invalid or missing agent token received.");
        }

        if (Options.Agent.RequireTls && !callbackUrl.StartsWith("https://", StringComparison.Ordinal))
        {
            throw new InvalidParameterValueException("TLS is required by configuration");
        }

        // Master: an agent's first heartbeat (no URL recorded yet) must not be lost to a busy
        // node, so it is refused and the agent retries soon; later ones are simply dropped.
        if (Release == IronicRelease.Master && node.AgentUrl is null && node.Reservation is { } host)
        {
            throw new NodeLockedException(node.Uuid, host);
        }

        node.PendingAgentUrl = callbackUrl;
        node.PendingAgentVersion = agentVersion;
        Clock.Schedule(TimeSpan.Zero, this, (int)Worker.Heartbeat, node.Index, 0);
    }

    /// <summary>
    /// The agent token the node's ramdisk agent was handed at its lookup and still holds, as an agent
    /// remembers it (Ironic's API shows it only masked). A harness that plays the agent heartbeats with
    /// it, or looks up first when there is none.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <returns>The token; null when none was handed out since the last one was wiped (power off, reboot, end of an operation).</returns>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public string? GetAgentToken(string ident) => Find(ident).AgentToken;

    /// <summary>Sets the result the node's agent reports for its latest command (or its next, if none ran since it started).</summary>
    public void SetAgentResult(string ident, AgentCommandStatus status, string? error = null) =>
        machines[Find(ident).Index].Agent.SetResult(status, error);

    /// <summary>Ironic's <c>HeartbeatMixin.heartbeat</c>, run as the heartbeat's worker.</summary>
    private void ProcessHeartbeat(Node node)
    {
        if (!HeartbeatAllowed(node.ProvisionState) || node.Reservation is not null)
        {
            return;
        }

        Reserve(node);
        try
        {
            node.AgentUrl = node.PendingAgentUrl;
            node.AgentVersion = node.PendingAgentVersion;
            node.AgentLastHeartbeat = Clock.GetUtcNow();
            if (IsRecordOnly(node.ProvisionState))
            {
                return;
            }

            if (node.Maintenance)
            {
                HeartbeatInMaintenance(node);
                return;
            }

            if (node.ProvisionState is ProvisionState.CleanWait or ProvisionState.ServiceWait)
            {
                HeartbeatInStepWait(node);
            }
            else if (node.ProvisionState == ProvisionState.WaitCallBack)
            {
                HeartbeatInWaitCallBack(node);
            }
            else if (node.ProvisionState == ProvisionState.RescueWait)
            {
                HeartbeatInRescueWait(node);
            }
        }
        finally
        {
            Unreserve(node);
        }
    }

    private bool HeartbeatAllowed(ProvisionState state) =>
        state is ProvisionState.WaitCallBack or ProvisionState.CleanWait or ProvisionState.RescueWait
            or ProvisionState.Deploying or ProvisionState.Cleaning or ProvisionState.Rescuing
        || (Release == IronicRelease.Master && state is ProvisionState.ServiceWait or ProvisionState.Servicing
            or ProvisionState.CleanHold or ProvisionState.DeployHold or ProvisionState.ServiceHold)
        || (Options.Deploy.FastTrack && state is ProvisionState.Enroll or ProvisionState.Manageable or ProvisionState.Available);

    private bool IsRecordOnly(ProvisionState state) =>
        state is ProvisionState.Enroll or ProvisionState.Manageable or ProvisionState.Available
            or ProvisionState.Cleaning or ProvisionState.Deploying or ProvisionState.Rescuing
        || (Release == IronicRelease.Master && state is ProvisionState.Servicing
            or ProvisionState.CleanHold or ProvisionState.DeployHold or ProvisionState.ServiceHold);

    /// <summary>
    /// Ironic's <c>_heartbeat_in_maintenance</c>: recorded only (the node freezes), unless the
    /// maintenance policy says the operation fails (Ironic: <c>allow_provisioning_in_maintenance</c> false).
    /// </summary>
    private void HeartbeatInMaintenance(Node node)
    {
        if (maintenancePolicy.FreezesOnHeartbeat(node.ToView(), Options))
        {
            return;
        }

        switch (node.ProvisionState)
        {
            case ProvisionState.CleanWait:
                StepsFailed(node, "Cleaning aborted as node is in maintenance mode");
                break;
            case ProvisionState.ServiceWait:
                StepsFailed(node, "Servicing aborted as node is in maintenance mode");
                break;
            case ProvisionState.WaitCallBack:
                DeployFailedPoweringOff(node, "Deploy aborted as node is in maintenance mode");
                break;
            case ProvisionState.RescueWait:
                NodePowerAction(node, PowerState.PowerOff);
                RecordHistory(node, "Rescue aborted as node is in maintenance mode", "rescuing");
                Fire(node, ProvisionEvent.Fail);
                break;
        }
    }

    /// <summary>
    /// Ironic's <c>_heartbeat_clean_wait</c> (and servicing's twin): start the steps at the
    /// first heartbeat, else check the agent's command and continue, fail, reboot or re-plan.
    /// </summary>
    private void HeartbeatInStepWait(Node node)
    {
        node.ProvisionUpdatedAt = Clock.GetUtcNow();
        var agent = machines[node.Index].Agent;
        var current = CurrentStep(node);
        if (current is null)
        {
            ResumeSteps(node);
            node.AgentCachedCleanSteps = agent.CleanSteps;
            if (IsServicing(node) ? SetServiceSteps(node) : SetCleaningSteps(node, atFirstHeartbeat: true))
            {
                ContinueSteps(node);
            }

            return;
        }

        var command = agent.Poll();
        if (command is null)
        {
            // A freshly booted agent has run no command: Ironic takes that as the end of a
            // requested reboot, so after any restart the interrupted step counts as done.
            node.StepReboot = false;
            ResumeSteps(node);
            ContinueSteps(node);
            return;
        }

        if (command.Step != current || command.Status == AgentCommandStatus.Running)
        {
            return;
        }

        switch (command.Status)
        {
            case AgentCommandStatus.Failed:
                StepsFailed(node, $"{(IsServicing(node) ? "Service" : "Clean")} step {current} failed on node {node.Uuid}. {command.Error}");
                return;
            case AgentCommandStatus.VersionMismatch:
                ProcessVersionMismatch(node, agent);
                return;
        }

        if (node.StepIndex is { } index && node.StepPlan[index].Step.RebootRequested)
        {
            // A step asked for a reboot: the agent comes back fresh, and its next heartbeat continues.
            NodePowerAction(node, PowerState.Rebooting);
            node.StepReboot = true;
            return;
        }

        ResumeSteps(node);
        ContinueSteps(node);
    }

    /// <summary>
    /// Ironic's <c>_process_version_mismatch</c>: the agent came back with other hardware
    /// managers, so its steps are read again; an automated clean starts its list over (its
    /// steps are safe to repeat), an operator's manual clean or servicing re-runs the step.
    /// </summary>
    private void ProcessVersionMismatch(Node node, Agent.SimulatedAgent agent)
    {
        node.AgentCachedCleanSteps = agent.CleanSteps;
        if (IsServicing(node) || node.TargetProvisionState == ProvisionState.Manageable)
        {
            node.SkipCurrentStep = false;
        }
        else if (!SetCleaningSteps(node, atFirstHeartbeat: false, driverSteps: true))
        {
            return;
        }

        ResumeSteps(node);
        ContinueSteps(node);
    }

    /// <summary>
    /// Ironic's <c>_heartbeat_deploy_wait</c>: a freshly booted agent continues with the next
    /// deploy step; else the agent's command decides (running: wait; failed: <c>deploy failed</c>,
    /// left on; succeeded: the next step).
    /// </summary>
    private void HeartbeatInWaitCallBack(Node node)
    {
        node.ProvisionUpdatedAt = Clock.GetUtcNow();
        var command = machines[node.Index].Agent.Poll();
        if (command is not null)
        {
            if (command.Step != node.DeployStep || command.Status == AgentCommandStatus.Running)
            {
                return;
            }

            if (command.Status == AgentCommandStatus.Failed)
            {
                DeployFailed(node, $"Deploy step {node.DeployStep} failed on node {node.Uuid}. {command.Error}");
                return;
            }
        }

        Fire(node, ProvisionEvent.Resume);
        if (node.DeployStep is null)
        {
            // No step yet (a node placed in wait call-back): the deployment starts from its first step.
            node.DeployPlan = DefaultDeploySteps(node);
            DoNextDeployStep(node, 0);
            return;
        }

        DoNextDeployStep(node, node.DeployStepIndex is { } i && i + 1 < node.DeployPlan.Length ? i + 1 : null);
    }

    /// <summary>
    /// Ironic's <c>_heartbeat_rescue_wait</c>: the agent finalizes the rescue with the stored
    /// password; without one the rescue fails, powered off.
    /// </summary>
    private void HeartbeatInRescueWait(Node node)
    {
        if (node.RescuePassword is null)
        {
            NodePowerAction(node, PowerState.PowerOff);
            RecordHistory(
                node,
                "Node failed to perform rescue operation: Failed to rescue instance None for node " +
                $"{node.Uuid}: Agent rescue requires rescue_password in instance_info",
                "rescuing");
            Fire(node, ProvisionEvent.Fail);
            return;
        }

        Fire(node, ProvisionEvent.Resume);
        node.Hardware.Boot.CleanUpRamdisk(TaskOf(node));
        Fire(node, ProvisionEvent.Done);
    }
}
