using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>
/// Deployment (Ironic's <c>conductor/deployments.py</c>): deploy and rebuild with their deploy
/// steps, the deploy's abort and error handlers, and the tear-down that undeploys.
/// </summary>
internal sealed class Deployment(ConductorContext context)
{
    /// <summary>Ironic's <c>start_deploy</c>: the limits, the lock, maintenance, protection, power, instance traits, template and step validation; then the worker.</summary>
    public void Start(Node node, ApiVerb verb, ProvisionRequest request)
    {
        context.Provisioning.CheckConcurrency(ConcurrencyKind.Deploy);
        context.Tasks.EnsureUnlocked(node);
        var @event = ProvisionStateMachine.EventOf(verb);
        if (node.Maintenance && !context.MaintenancePolicy.AllowsRequest(node.ToView(), verb, context.Options))
        {
            throw new NodeInMaintenanceException("provisioning", node.Uuid);
        }

        if (@event == ProvisionEvent.Rebuild && node.Protected)
        {
            throw new NodeProtectedException(node.Uuid);
        }

        if (!context.Machine.TryFire(node.ProvisionState, @event, out _))
        {
            throw context.Tasks.NotAllowed(node, @event.ToIronicName());
        }

        var userSteps = request.DeploySteps ?? [];
        try
        {
            // Master's autodetect deploy interface switches first; the node keeps the switch even
            // when the validation then fails.
            context.Autodetect.Switch(node);
            var task = context.Nodes.TaskOf(node);
            task.Driver.Power.Validate(task);

            // The direct deploy's validate asks the boot interface (agent.AgentDeploy.validate).
            if (task.Driver.UsesAgent)
            {
                task.Driver.Boot.Validate(task);
            }

            DeployTemplateSteps.ValidateInstanceTraits(node);
            context.TemplateSteps.Validate(node, task.Driver.DeploySteps, skipMissing: true);
            context.Plans.ValidateUserSteps(
                node, userSteps, task.Driver.DeploySteps, StepKind.Deploy, skipMissing: true, errorPrefix: DeployTemplateSteps.UserStepsPrefix);
        }
        catch (InvalidParameterValueException error)
        {
            throw new InstanceDeployFailureException(
                $"Failed to validate deploy or power info for node {node.Uuid}: {error.Reason}", 400);
        }
        catch (MissingParameterValueException error)
        {
            // Ironic's MissingParameterValue is an InvalidParameterValue: start_deploy wraps it alike.
            throw new InstanceDeployFailureException(
                $"Failed to validate deploy or power info for node {node.Uuid}: {error.Reason}", 400);
        }

        node.RequestedSteps = userSteps;
        context.Tasks.FireRequested(node, @event, @event.ToIronicName(), worker: Worker.Deploy);
    }

    /// <summary>Ironic's <c>do_node_tear_down</c> request side: the limits, the lock, protection; then the worker.</summary>
    public void StartTearDown(Node node)
    {
        context.Provisioning.CheckConcurrency(ConcurrencyKind.Unprovision);
        context.Tasks.EnsureUnlocked(node);
        if (node.Protected)
        {
            throw new NodeProtectedException(node.Uuid);
        }

        node.TearDownFrom = node.ProvisionState;
        context.Tasks.FireRequested(node, ProvisionEvent.Delete, "delete", worker: Worker.TearDown);
    }

    /// <summary>
    /// Ironic's <c>do_node_deploy</c>: the deploy interface's <c>prepare</c>, then the driver's
    /// deploy steps, with the user's and then the deploy templates' overriding their priority or
    /// arguments (priority 0 disables one), run by priority; no step left is a failure.
    /// </summary>
    public void DoNodeDeploy(Node node)
    {
        // The request's steps (node.RequestedSteps) stay until the deployment ends (Ironic's
        // user_deploy_steps): checked again, and the list made again, once the agent's steps are known.
        var task = context.Nodes.TaskOf(node);
        try
        {
            task.Driver.Deploy.Prepare(task, context.Utils);
        }
        catch (IronicException error)
        {
            // Ironic words an error that is not one of its own apart, and cleans nothing up here.
            DeployFailed(node, error.After("Failed to prepare to deploy"), cleanUp: false);
            return;
        }

        node.DeployPlan = context.Plans.DeploymentSteps(node);
        node.DeployPrepared = true;
        if (node.DeployPlan.IsEmpty)
        {
            DeployFailed(node, "No deploy steps returned by the driver");
            return;
        }

        context.StepFlows.Started(node, StepFlow.Deployment);
        DoNextDeployStep(node, 0);
    }

    /// <summary>
    /// Ironic's <c>continue_node_deploy</c> after the agent's heartbeat in <c>wait call-back</c>:
    /// back to <c>deploying</c>; on the heartbeat that read the agent's deploy steps, the
    /// deployment's steps are validated against them (Ironic's <c>steps_validated</c> pass: a
    /// template's or the request's step that was left for the agent to offer, and that it does not,
    /// fails the deployment); then the step after the one the agent finished.
    /// </summary>
    public void Resume(Node node, bool stepsJustLoaded)
    {
        context.Tasks.Fire(node, ProvisionEvent.Resume);
        if (stepsJustLoaded)
        {
            try
            {
                context.TemplateSteps.ValidateDeploySteps(node);
            }
            catch (IronicException error)
            {
                DeployFailed(node, $"Failed to validate the final deploy steps list for node {node.Uuid}: {error.Message}");
                return;
            }
        }

        if (node.DeployStep is null)
        {
            // No step yet (a node placed in wait call-back): the deployment starts from its first step.
            node.DeployPlan = context.Plans.DefaultDeploySteps(node);
            DoNextDeployStep(node, 0);
            return;
        }

        // A step that rebooted to finish (a BIOS step) runs again (Ironic's skip_current_deploy_step).
        var next = node.DeployStepIndex is { } i ? (node.SkipCurrentStep ? i + 1 : i) : node.DeployPlan.Length;
        node.SkipCurrentStep = true;
        if (node.AbortAfterStep)
        {
            // An abort waited for this step (master): the deployment fails and is aborted now.
            context.Tasks.Fire(node, ProvisionEvent.Fail);
            DoAbort(node);
            return;
        }

        DoNextDeployStep(node, next < node.DeployPlan.Length ? next : null);
    }

    private static DeployStepResult RunVendorStep(DriverTask task, IVendorInterface vendor, StepDefinition step, StepRequest? request)
    {
        vendor.ExecuteStep(task, step, request);
        return DeployStepResult.Done;
    }

    /// <summary>
    /// Ironic's <c>do_next_deploy_step</c>: the deploy interface runs each step; a step that goes
    /// on in the agent leaves the node in <c>wait call-back</c> for its heartbeats; a step that
    /// throws fails the deployment, unless it failed it already.
    /// </summary>
    public void DoNextDeployStep(Node node, int? index)
    {
        var task = context.Nodes.TaskOf(node);
        var deploy = task.Driver.Deploy;
        for (var i = index ?? node.DeployPlan.Length; i < node.DeployPlan.Length; i++)
        {
            var (step, request) = node.DeployPlan[i];
            node.DeployStep = step.Reference;
            node.DeployStepIndex = i;
            DeployStepResult result;
            try
            {
                result = step.Interface == "vendor" && task.Driver.Vendor is { } vendor
                    ? RunVendorStep(task, vendor, step, request)
                    : DriverSteps.IsDriverStep(task.Driver, step)
                    ? context.Steps.DriverSteps.RunDriverDeployStep(node, task, step, request)
                    : deploy.ExecuteDeployStep(task, step, request, context.Utils);
            }
            catch (AgentConnectionFailedException) when (node.StepReboot || (context.Profile.DeployWaitsForAgentUrl && node.AgentUrl is null))
            {
                // The agent is not back yet from a step's reboot (or, in master, has not called back
                // since it booted): the step runs again at its heartbeat. Master has already recorded
                // the flow's end, as an error (so last_error says so), though the deployment goes on.
                context.StepFlows.Aborted(node, StepFlow.Deployment, step.Step);
                node.SkipCurrentStep = false;
                context.Tasks.Fire(node, ProvisionEvent.Wait);
                return;
            }
            catch (IronicException error)
            {
                context.StepFlows.DeployStepAborted(node, step.Step);
                if (node.ProvisionState != ProvisionState.DeployFailed)
                {
                    // Ironic words an exception that is not its own (a step's TypeError) by its class.
                    DeployFailed(
                        node,
                        error.IsLibraryError
                            ? $"Deploy step {step.Reference} failed with {error.IronicClass}: {error.Message}."
                            : $"Deploy step {step.Reference} failed: {error.Message}.");
                }

                return;
            }

            switch (result)
            {
                case DeployStepResult.Wait:
                    context.Tasks.Fire(node, ProvisionEvent.Wait);
                    return;
                case DeployStepResult.Failed:
                    return;
            }
        }

        context.StepFlows.Completed(node, StepFlow.Deployment);
        WipeDeployInfo(node);
        context.Tasks.Fire(node, ProvisionEvent.Done);
    }

    /// <summary>
    /// Ironic's <c>set_failed_state</c>: <c>deploy failed</c> without the deploy interface's clean-up
    /// (the boot stays prepared until the node is torn down), then powered off
    /// (<c>[deploy] power_off_after_deploy_failure</c>).
    /// </summary>
    public void SetFailedState(Node node, string error)
    {
        DeployFailed(node, error, cleanUp: false);
        if (context.Options.Deploy.PowerOffAfterDeployFailure)
        {
            try
            {
                context.Power.NodePowerAction(node, PowerState.PowerOff);
            }
            catch (IronicException)
            {
                // Ironic logs that the node failed to power off and goes on: the deploy's error is what the node shows.
            }
        }

        node.LastError = error;
    }

    /// <summary>
    /// Ironic's <c>deploying_error_handler</c>: <c>deploy failed</c> (master also hands it a failed
    /// service step: <c>service failed</c>), no maintenance; the deploy interface's <c>clean_up</c>
    /// undoes the ramdisk's and the instance's boot preparation (a clean-up that fails, say through an
    /// unreachable BMC, is added to the error); a deployment's step info is wiped.
    /// </summary>
    public void DeployFailed(Node node, string error, bool cleanUp = true)
    {
        context.History.Record(node, error, "deploying");
        var task = context.Nodes.TaskOf(node);
        string? cleanUpError = null;
        if (cleanUp)
        {
            try
            {
                task.Driver.Deploy.CleanUp(task);
            }
            catch (IronicException failure)
            {
                cleanUpError = $"{error}. Also failed to clean up due to: {failure.Message}";
            }
        }

        if (node.ProvisionState is ProvisionState.Deploying or ProvisionState.WaitCallBack or ProvisionState.DeployFailed)
        {
            WipeDeployInfo(node);
        }

        if (cleanUpError is not null)
        {
            context.History.Record(node, cleanUpError, "deploying");
        }

        context.Tasks.Fire(node, ProvisionEvent.Fail);
    }

    /// <summary>
    /// Ironic's <c>wipe_deploy_internal_info</c>: the deployment's step, list and index, at its end
    /// or failure; the agent's token and URL too, unless fast track may reuse the agent
    /// (<c>fast_track_able</c>: a failure's <c>last_error</c>, recorded first, wipes them under fast track too).
    /// </summary>
    public void WipeDeployInfo(Node node)
    {
        if (!context.Steps.IsFastTrackAble(node))
        {
            node.AgentToken = null;
            node.AgentUrl = null;
        }

        node.DeployStep = null;
        node.RequestedSteps = [];
        node.DeployPlan = [];
        node.DeployStepIndex = null;
        node.DeployPrepared = false;
        node.AgentDeployStepsCached = false;
        node.AgentStartAttempted = false;
        node.StepReboot = false;
        node.SkipCurrentStep = true;
    }

    /// <summary>
    /// Ironic's <c>do_node_deploy_abort</c>: the deploy interface's <c>clean_up</c> (for the agent's
    /// deploy, the ramdisk's and the instance's boot; the power is left as it is), the error naming the step, the deploy's state wiped.
    /// A clean-up that fails (a BMC that does not answer) is <c>deploying_error_handler</c> without
    /// clean-up: its fixed message, the deploy's state wiped; its <c>fail</c> event, refused in
    /// <c>deploy failed</c>, ends the worker there.
    /// </summary>
    public void DoAbort(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        try
        {
            task.Driver.Deploy.CleanUp(task);
        }
        catch (IronicException)
        {
            context.History.Record(node, "Failed to clean up deploying after aborting the operation", "deploying");
            WipeDeployInfo(node);
            return;
        }

        node.LastError = StepRunner.AbortedByRequest("deploy", node.DeployStep);
        WipeDeployInfo(node);
    }

    /// <summary>
    /// Ironic's <c>_do_node_tear_down</c>: the deploy interface's <c>clean_up</c> and <c>tear_down</c>
    /// (the agent's powers the node off), the instance forgotten, the automated cleaning's steps
    /// chosen, then cleaning. When tearing down fails the node goes to <c>error</c> and no
    /// cleaning starts. After an abort in <c>deploy hold</c> it runs from <c>deploy failed</c>.
    /// </summary>
    public void DoNodeTearDown(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        var deploy = task.Driver.Deploy;
        try
        {
            if (node.TearDownFrom is ProvisionState.RescueWait or ProvisionState.Rescue or ProvisionState.UnrescueFailed or ProvisionState.RescueFailed)
            {
                context.Rescue.CleanUp(node);
            }

            deploy.CleanUp(task);
            deploy.TearDown(task, context.Utils);
        }
        catch (IronicException error)
        {
            context.History.Record(node, $"Failed to tear down: {error.Message}", "unprovision");
            context.Tasks.Fire(node, ProvisionEvent.Fail);
            return;
        }
        finally
        {
            node.InstanceUuid = null;
            NodeDetailsRules.ClearInstanceDetails(node);
            WipeDeployInfo(node);
        }

        // Ironic's tear-down destroys the node's allocation once the instance is gone.
        if (node.Details.AllocationUuid is { } held && context.Allocations.ByUuid(held) is { } allocation)
        {
            context.AllocationRules.Destroy(allocation);
        }

        if (!context.Machine.TryFire(node.ProvisionState, ProvisionEvent.Clean, out _))
        {
            // Ironic's worker dies on the event (an abort from deploy hold lands in deploy failed).
            TaskManager.WriteException(node, "_do_node_tear_down", TaskManager.NoTransition(node.ProvisionState, "clean"));
            return;
        }

        if (!context.Cleaning.TryChooseAutomatedCleaningStepsAfterTearDown(node))
        {
            return;
        }

        context.Tasks.Fire(node, ProvisionEvent.Clean);
        context.Cleaning.DoNodeClean(node, manual: false);
    }
}
