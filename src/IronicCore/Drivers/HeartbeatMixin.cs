using IronicCore.Agent;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// Ironic's <c>HeartbeatMixin</c> (<c>drivers/modules/agent_base.py</c>): an agent's heartbeat,
/// run as its worker. It takes the node's lock or drops the heartbeat, records the agent, and
/// acts in the node's wait state: the steps go on, the deployment continues, the rescue
/// finishes; in maintenance the maintenance policy decides (behaviour spec 4).
/// </summary>
internal static class HeartbeatMixin
{
    public static void Heartbeat(DriverTask task, IConductorUtils conductor)
    {
        var node = task.Node;
        if (!HeartbeatAllowed(node.ProvisionState, conductor) || node.Reservation is not null)
        {
            return;
        }

        conductor.Reserve(node);
        try
        {
            node.AgentUrl = node.PendingAgentUrl;
            node.AgentVersion = node.PendingAgentVersion;
            node.AgentLastHeartbeat = conductor.Now;
            if (IsRecordOnly(node.ProvisionState, conductor))
            {
                return;
            }

            if (node.Maintenance)
            {
                HeartbeatInMaintenance(node, conductor);
                return;
            }

            switch (node.ProvisionState)
            {
                case ProvisionState.CleanWait or ProvisionState.ServiceWait:
                    HeartbeatInStepWait(task, conductor);
                    break;
                case ProvisionState.WaitCallBack:
                    HeartbeatDeployWait(task, conductor);
                    break;
                case ProvisionState.RescueWait:
                    HeartbeatRescueWait(task, conductor);
                    break;
            }
        }
        finally
        {
            conductor.Release(node);
        }
    }

    private static bool HeartbeatAllowed(ProvisionState state, IConductorUtils conductor) =>
        state is ProvisionState.WaitCallBack or ProvisionState.CleanWait or ProvisionState.RescueWait
            or ProvisionState.Deploying or ProvisionState.Cleaning or ProvisionState.Rescuing
        || (conductor.Profile.HeartbeatInServiceAndHoldStates && state is ProvisionState.ServiceWait or ProvisionState.Servicing
            or ProvisionState.CleanHold or ProvisionState.DeployHold or ProvisionState.ServiceHold)
        || (conductor.Options.Deploy.FastTrack && state is ProvisionState.Enroll or ProvisionState.Manageable or ProvisionState.Available);

    private static bool IsRecordOnly(ProvisionState state, IConductorUtils conductor) =>
        state is ProvisionState.Enroll or ProvisionState.Manageable or ProvisionState.Available
            or ProvisionState.Cleaning or ProvisionState.Deploying or ProvisionState.Rescuing
        || (conductor.Profile.HeartbeatInServiceAndHoldStates && state is ProvisionState.Servicing
            or ProvisionState.CleanHold or ProvisionState.DeployHold or ProvisionState.ServiceHold);

    /// <summary>
    /// Ironic's <c>_heartbeat_in_maintenance</c>: recorded only (the node freezes), unless the
    /// maintenance policy says the operation fails (Ironic: <c>allow_provisioning_in_maintenance</c> false).
    /// </summary>
    private static void HeartbeatInMaintenance(Node node, IConductorUtils conductor)
    {
        if (conductor.MaintenancePolicy.FreezesOnHeartbeat(node.ToView(), conductor.Options))
        {
            return;
        }

        switch (node.ProvisionState)
        {
            case ProvisionState.CleanWait:
                conductor.StepsFailed(node, "Cleaning aborted as node is in maintenance mode");
                break;
            case ProvisionState.ServiceWait:
                conductor.StepsFailed(node, "Service aborted as node is in maintenance mode");
                break;
            case ProvisionState.WaitCallBack:
                conductor.SetFailedState(node, "Deploy aborted as node is in maintenance mode");
                break;
            case ProvisionState.RescueWait:
                conductor.RescuingFailed(node, "Rescue aborted as node is in maintenance mode");
                break;
        }
    }

    /// <summary>
    /// Ironic's <c>_heartbeat_clean_wait</c> (and servicing's twin): start the steps at the
    /// first heartbeat, else check the agent's command and continue, fail, reboot or re-plan.
    /// Whatever fails on the way (an agent that cannot be reached) goes to the error handler.
    /// </summary>
    private static void HeartbeatInStepWait(DriverTask task, IConductorUtils conductor)
    {
        var node = task.Node;
        node.ProvisionUpdatedAt = conductor.Now;
        var first = node.CurrentStep() is null;
        try
        {
            if (first)
            {
                conductor.ResumeSteps(node);
                RefreshStepWaitSteps(task, conductor);
                conductor.SetSteps(node);
                conductor.ContinueSteps(node);
                return;
            }

            // A step polled for by its interface (Ironic's *_polling flag) is not the heartbeat's.
            if (!task.Driver.IsPolling(task))
            {
                CheckStepProgress(task, conductor);
            }
        }
        catch (IronicException error) when (node.ProvisionState is ProvisionState.Cleaning or ProvisionState.CleanWait
            or ProvisionState.Servicing or ProvisionState.ServiceWait)
        {
            var operation = node.IsServicing() ? "service" : "cleaning";
            conductor.StepsFailed(
                node,
                first ? $"Node failed to start the first {operation} step: {error.Message}" : $"Node failed to check {operation} progress: {error.Message}");
        }
        catch (IronicException)
        {
            // Ironic's heartbeat leaves a node that is no longer cleaning or servicing (an abort
            // failed it before its tear-down raised) to the handler that moved it: it only logs.
        }
    }

    /// <summary>
    /// Ironic's <c>refresh_steps</c> for cleaning and servicing: the agent's steps are cached, unless
    /// the agent is busy with a command, when the cache stays as it was until a later refresh.
    /// </summary>
    private static void RefreshStepWaitSteps(DriverTask task, IConductorUtils conductor)
    {
        var node = task.Node;
        try
        {
            node.AgentCachedCleanSteps = node.IsServicing()
                ? AgentClient.GetServiceSteps(task, conductor.Options)
                : AgentClient.GetCleanSteps(task, conductor.Options);
        }
        catch (AgentInProgressException)
        {
            // The steps are planned from the cache as it was; a later refresh reads them.
        }
    }

    /// <summary>The agent's command for the running step: continue, fail, reboot or re-plan.</summary>
    private static void CheckStepProgress(DriverTask task, IConductorUtils conductor)
    {
        var node = task.Node;
        var current = node.CurrentStep();
        var kind = node.IsServicing() ? StepKind.Service : StepKind.Clean;
        var agent = AgentClient.GetCommandsStatus(task, conductor.Options);
        if (AgentCommands.FreshlyBooted(agent, kind, conductor.Profile))
        {
            // Ironic takes a freshly booted agent as the end of a requested reboot, so after any
            // restart the interrupted step counts as done.
            node.StepReboot = false;
            conductor.ResumeSteps(node);
            conductor.ContinueSteps(node);
            return;
        }

        if (AgentCommands.CompletedCommand(agent, kind, current) is not { } command)
        {
            return;
        }

        switch (command.Status)
        {
            case AgentCommandStatus.Failed when node.IsServicing():
                // Ironic master's _step_failure_handler hands a failed service step to the deploying
                // error handler: service failed, without maintenance or fault.
                conductor.DeployFailed(node, $"Service step {current} failed on node {node.Uuid}. {command.Details("service")}");
                return;
            case AgentCommandStatus.Failed:
                conductor.StepsFailed(node, $"Clean step {current} failed on node {node.Uuid}. {command.Details("clean")}");
                return;
            case AgentCommandStatus.VersionMismatch:
                ProcessVersionMismatch(node, task.Machine.Agent, conductor);
                return;
        }

        // Ironic reads reboot_requested from the running step as stored: a driver's or agent's step
        // keeps the agent's whole definition, but a user's (manual, service or runbook) step takes
        // only abortable and priority from it (_validate_user_step), so it never reboots.
        if (node.StepIndex is { } index && node.StepPlan[index] is { User: null, Step.RebootRequested: true })
        {
            PostStepReboot(node, conductor);
            return;
        }

        conductor.ResumeSteps(node);
        conductor.ContinueSteps(node);
    }

    /// <summary>
    /// Ironic's <c>_post_step_reboot</c>: a step asked for a reboot, which <c>reboot_to_finish_step</c>
    /// makes (the fast-track power read, the agent's boot prepared, the reboot); the agent comes back
    /// fresh and its next heartbeat continues. Unlike a BIOS step's reboot this one leaves the skip
    /// flag alone, since the agent's step is done and the next one follows; the reboot flag is set only
    /// once the reboot worked. Whatever fails fails the operation through its error handler.
    /// </summary>
    private static void PostStepReboot(Node node, IConductorUtils conductor)
    {
        try
        {
            conductor.RebootToFinishStep(node);
        }
        catch (IronicException error)
        {
            conductor.StepsFailed(
                node,
                $"Reboot requested by {(node.IsServicing() ? "service" : "clean")} step {node.DescribeCurrentStep()} failed for node {node.Uuid}: {error.Message}");
            return;
        }

        node.StepReboot = true;
    }

    /// <summary>
    /// Ironic's <c>_process_version_mismatch</c>: the agent came back with other hardware
    /// managers, so its steps are read again; an automated clean starts its list over (its
    /// steps are safe to repeat), an operator's manual clean or servicing re-runs the step.
    /// </summary>
    private static void ProcessVersionMismatch(Node node, SimulatedAgent agent, IConductorUtils conductor)
    {
        node.AgentCachedCleanSteps = node.IsServicing() ? agent.ServiceSteps : agent.CleanSteps;
        if (node.IsServicing() || node.TargetProvisionState == ProvisionState.Manageable)
        {
            node.SkipCurrentStep = false;
        }
        else if (!conductor.RestartCleaningSteps(node))
        {
            return;
        }

        conductor.ResumeSteps(node);
        conductor.ContinueSteps(node);
    }

    /// <summary>
    /// Ironic's <c>_heartbeat_deploy_wait</c>: the agent's first heartbeat after it booted (its
    /// deploy steps not cached: none read since the last power-off) reads them, then continues
    /// with the next deploy step; else the agent's command decides (running: wait; failed:
    /// <c>deploy failed</c>, left on; succeeded: the next step). Whatever fails on the way (an
    /// agent that cannot be reached) fails the deployment through <c>set_failed_state</c>.
    /// </summary>
    private static void HeartbeatDeployWait(DriverTask task, IConductorUtils conductor)
    {
        var node = task.Node;
        var loadSteps = !node.AgentDeployStepsCached;
        try
        {
            if (loadSteps)
            {
                RefreshDeploySteps(task, conductor.Options);
            }

            node.ProvisionUpdatedAt = conductor.Now;

            // A step polled for by its interface (Ironic's deployment_polling) is not the heartbeat's.
            if (task.Driver.IsPolling(task))
            {
                return;
            }

            var agent = AgentClient.GetCommandsStatus(task, conductor.Options);
            if (AgentCommands.FreshlyBooted(agent, StepKind.Deploy, conductor.Profile))
            {
                // A freshly booted agent ends the reboot a step asked for (Ironic pops deployment_reboot).
                node.StepReboot = false;
            }
            else if (AgentCommands.CompletedCommand(agent, StepKind.Deploy, node.DeployStep) is not { } command)
            {
                return;
            }
            else if (command.Status == AgentCommandStatus.Failed)
            {
                conductor.DeployFailed(node, $"Deploy step {node.DeployStep} failed on node {node.Uuid}. {command.Details("deploy")}");
                return;
            }

            conductor.ResumeDeploy(node, loadSteps);
        }
        catch (IronicException error) when (node.ProvisionState is ProvisionState.Deploying or ProvisionState.WaitCallBack)
        {
            conductor.SetFailedState(
                node, $"{(loadSteps ? "Failed to load in-band deploy steps" : "Failed to process the next deploy step")}: {error.Message}");
        }
    }

    /// <summary>
    /// Ironic's <c>refresh_steps</c> for deploy steps: the agent is asked for them and they stay
    /// cached (<c>agent_cached_deploy_steps</c>) until the node powers off or the deployment ends.
    /// An agent busy with a command leaves them uncached, for a later heartbeat to read.
    /// </summary>
    /// <exception cref="AgentConnectionFailedException">The agent cannot be reached.</exception>
    public static void RefreshDeploySteps(DriverTask task, Configuration.ConductorOptions options)
    {
        try
        {
            AgentClient.GetDeploySteps(task, options);
        }
        catch (AgentInProgressException)
        {
            return;
        }

        task.Node.AgentDeployStepsCached = true;
    }

    /// <summary>
    /// Ironic's <c>_heartbeat_rescue_wait</c>: the agent finalizes the rescue with the stored
    /// password, then the rescue ramdisk's boot is cleaned up; without a password, or when either
    /// fails, the rescue fails, powered off.
    /// </summary>
    private static void HeartbeatRescueWait(DriverTask task, IConductorUtils conductor)
    {
        var node = task.Node;
        if (node.RescuePassword is null)
        {
            conductor.RescuingFailed(
                node,
                "Node failed to perform rescue operation: Failed to rescue instance None for node " +
                $"{node.Uuid}: Agent rescue requires rescue_password in instance_info");
            return;
        }

        try
        {
            AgentClient.Command(task, "rescue.finalize_rescue", conductor.Options);
        }
        catch (IronicException error)
        {
            conductor.RescuingFailed(node, $"Node failed to perform rescue operation: Failed to rescue instance None for node {node.Uuid}: {error.Message}");
            return;
        }

        try
        {
            conductor.ProcessEvent(node, ProvisionEvent.Resume);
            task.Driver.Boot.CleanUpRamdisk(task);
        }
        catch (IronicException error)
        {
            // The rescue ramdisk's clean-up reaches the BMC (virtual media): its failure fails the rescue, unwrapped.
            conductor.RescuingFailed(node, $"Node failed to perform rescue operation: {error.Message}");
            return;
        }

        conductor.ProcessEvent(node, ProvisionEvent.Done);
    }
}
