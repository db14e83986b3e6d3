using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>Servicing (Ironic master's <c>conductor/servicing.py</c>): the operator's steps on an active node, then back to <c>active</c>.</summary>
internal sealed class Servicing(ConductorContext context)
{
    /// <summary>The steps of a request that failed its check, run as given when no ramdisk is booted.</summary>
    public ServiceStepsAsGiven AsGiven { get; } = new(context);

    /// <summary>Ironic's <c>do_node_service</c> request side: the lock, maintenance, power validation; then the worker.</summary>
    public void Start(Node node, ProvisionRequest request)
    {
        context.Tasks.EnsureUnlocked(node);
        if (node.Maintenance && !context.MaintenancePolicy.AllowsRequest(node.ToView(), ApiVerb.Service, context.Options))
        {
            throw new NodeInMaintenanceException("service", node.Uuid);
        }

        var task = context.Nodes.TaskOf(node);
        task.Driver.Power.Validate(task);
        node.RequestedSteps = request.ServiceSteps ?? [];
        node.DisableRamdisk = request.DisableRamdisk ?? false;
        context.Tasks.FireRequested(node, ProvisionEvent.Service, "service", ProvisionState.Active, Worker.Service);
    }

    /// <summary>
    /// Ironic's <c>do_node_service</c>: the steps are checked against those the driver knows now
    /// (the agent's cache was just wiped, so only the interfaces' own). If they pass, they run at
    /// once without the ramdisk. If not, the ramdisk is booted (<c>prepare_service</c>) and they
    /// are checked again at the agent's first heartbeat; a deploy interface that boots nothing
    /// runs them as given. With <c>disable_ramdisk</c> a failed check escapes the worker: the node
    /// stays in <c>servicing</c> with the worker's error. <c>service_step</c> is reset only by
    /// a check that passes (<c>set_node_service_steps</c>): a step left from a servicing that was
    /// torn down (<c>deleted</c> from <c>service wait</c>) stays until then, so an error handler
    /// before it sets maintenance and a heartbeat takes the servicing as started.
    /// </summary>
    public void DoNodeService(Node node)
    {
        var steps = context.Steps;
        steps.WipeStepInfo(node, keepAgent: false);
        node.StepsDisableRamdisk = node.DisableRamdisk;
        steps.DriverSteps.TryUpdateCache(node);
        if (!context.Profile.ServiceValidatesBeforeRamdisk)
        {
            DoNodeServiceRamdiskFirst(node);
            return;
        }

        ImmutableArray<(StepDefinition Step, StepRequest? User)> plan;
        try
        {
            plan = ValidatedSteps(node);
        }
        catch (InvalidParameterValueException error) when (node.DisableRamdisk)
        {
            TaskManager.WriteException(node, "do_node_service", error.Message);
            node.RequestedSteps = [];
            return;
        }
        catch (InvalidParameterValueException)
        {
            // Ironic records the start before booting the ramdisk, with the request as the check left it.
            context.StepFlows.ServicingStartedUnchecked(node);
            if (context.Nodes.DriverOf(node).UsesAgent)
            {
                try
                {
                    PrepareInbandService(node);
                }
                catch (IronicException error)
                {
                    context.StepErrors.StepsFailed(node, $"Failed to prepare node {node.Uuid} for service: {error.Message}");
                    return;
                }

                context.Tasks.Fire(node, ProvisionEvent.Wait);
                return;
            }

            AsGiven.Run(node);
            return;
        }

        // Ironic: "will proceed with servicing without booting the ramdisk".
        node.StepsDisableRamdisk = true;
        node.ServiceStep = null;
        node.StepPlan = plan;
        node.RequestedSteps = [];
        context.StepFlows.Started(node, StepFlow.Servicing);
        steps.DoNextStep(node, plan.IsEmpty ? null : 0);
    }

    /// <summary>
    /// Ironic 29.0's <c>do_node_service</c>: an agent's deploy interface boots the ramdisk first
    /// (<c>prepare_service</c>: <c>service wait</c>, the steps are checked at the first heartbeat);
    /// otherwise the steps are checked at once, and a failed check fails servicing.
    /// </summary>
    private void DoNodeServiceRamdiskFirst(Node node)
    {
        if (context.Nodes.DriverOf(node).UsesAgent && !node.DisableRamdisk)
        {
            try
            {
                PrepareInbandService(node);
            }
            catch (IronicException error)
            {
                context.StepErrors.StepsFailed(node, $"Failed to prepare node {node.Uuid} for service: {error.Message}");
                return;
            }

            context.Tasks.Fire(node, ProvisionEvent.Wait);
            return;
        }

        ImmutableArray<(StepDefinition Step, StepRequest? User)> plan;
        try
        {
            plan = ValidatedSteps(node);
        }
        catch (InvalidParameterValueException error)
        {
            node.RequestedSteps = [];
            context.StepErrors.StepsFailed(node, $"Cannot service node {node.Uuid}: {error.Message}");
            return;
        }

        node.ServiceStep = null;
        node.StepPlan = plan;
        node.RequestedSteps = [];
        context.Steps.DoNextStep(node, plan.IsEmpty ? null : 0);
    }

    /// <summary>At the agent's first heartbeat: the operator's steps checked against the driver's and the agent's, in their order.</summary>
    /// <exception cref="InvalidParameterValueException">
    /// A step fails validation: it goes to the heartbeat's error handler, once, as Ironic's
    /// <c>set_node_service_steps</c> raises into <c>_heartbeat_service_wait</c>.
    /// </exception>
    public void SetServiceSteps(Node node)
    {
        node.StepPlan = ValidatedSteps(node);
        node.ServiceStep = null;
        node.StepIndex = null;
        node.RequestedSteps = [];
    }

    /// <summary>
    /// The end of servicing (Ironic's <c>_tear_down_node_service</c>): unless the ramdisk was
    /// disabled (or never needed), the agent's tear-down boots the machine back into the
    /// instance; then <c>active</c>.
    /// </summary>
    public void Finish(Node node)
    {
        var inBand = context.Nodes.DriverOf(node).UsesAgent && !node.StepsDisableRamdisk;
        node.ServiceStep = null;
        node.RequestedSteps = [];
        context.Steps.WipeStepInfo(node, keepAgent: false);

        // Recorded before the tear-down, whose failure then fails the servicing: the steps, wiped, quote as [].
        context.StepFlows.Completed(node, StepFlow.Servicing);
        if (inBand)
        {
            try
            {
                TearDownInbandService(node);
            }
            catch (IronicException error)
            {
                context.StepErrors.StepsFailed(node, $"Failed to tear down from service for node {node.Uuid}, reason: {error.Message}", tearDown: false);
                return;
            }
        }

        context.Steps.DriverSteps.TryUpdateCache(node);
        context.Tasks.Fire(node, ProvisionEvent.Done);
    }

    /// <summary>
    /// Ironic master's <c>prepare_inband_service</c>: the boot of the ramdisk prepared between a
    /// power-off and a power-on (<c>power_off_and_on</c>). The node is recorded as on before the
    /// power-on, so the power-on is skipped where the power interface only echoes the record
    /// (fake power): such a machine stays off and its agent never comes up.
    /// </summary>
    /// <exception cref="IronicException">A power action or the boot interface failed.</exception>
    public void PrepareInbandService(Node node)
    {
        context.Power.PowerOffToChangeBoot(node);
        node.PowerState = PowerState.PowerOn;
        context.Steps.PrepareRamdisk(node);
        context.Power.PowerOnAfterBootChange(node);
    }

    /// <summary>
    /// Ironic master's <c>tear_down_service</c> (<c>tear_down_inband_service</c>): clean up the
    /// ramdisk's boot; unless a step failure left the node for inspection (fault
    /// <c>service failure</c>), power off first, then prepare the instance's boot and power on
    /// (a node with <c>disable_power_off</c>: no power-off, a reboot at the end).
    /// </summary>
    /// <exception cref="IronicException">A power action failed: the caller's error handler decides.</exception>
    public void TearDownInbandService(Node node)
    {
        var failed = node.Fault == NodeFault.ServiceFailure;
        if (!failed)
        {
            context.Power.PowerOffToChangeBoot(node);
        }

        var task = context.Nodes.TaskOf(node);
        task.Driver.Boot.CleanUpRamdisk(task);
        if (!failed)
        {
            task.Driver.Boot.PrepareInstance(task);
            context.Power.PowerOnAfterBootChange(node);
        }
    }

    /// <summary>
    /// Ironic master's <c>_do_abort</c> in <c>service wait</c> or <c>service hold</c>: during a
    /// step that cannot be aborted, the abort waits for the step; else <c>fail</c>, then
    /// <c>abort</c> back to <c>active</c> with the tear-down in a worker.
    /// </summary>
    public void Abort(Node node)
    {
        if (node.ServiceStep is not null && !node.StepAbortable)
        {
            node.AbortAfterStep = true;
            return;
        }

        context.Tasks.Fire(node, ProvisionEvent.Fail);
        context.Tasks.FireRequested(node, ProvisionEvent.Abort, "abort", worker: Worker.ServiceAbort);
    }

    /// <summary>
    /// Ironic master's <c>do_node_service_abort</c>: when the ramdisk's boot was prepared
    /// (<see cref="Node.AgentStartAttempted"/>), power off, tear
    /// servicing down, boot the instance and power on, the power calls straight to the power
    /// interface (no power read, no history entry, <c>power_state</c> untouched); a failure is
    /// recorded by the error handler (the node stays where the abort took it). Then the abort's <c>last_error</c>.
    /// </summary>
    public void DoAbort(Node node)
    {
        var usesAgent = context.Nodes.DriverOf(node).UsesAgent;
        var agentAttempted = node.AgentStartAttempted;
        var task = context.Nodes.TaskOf(node);
        try
        {
            if (agentAttempted)
            {
                task.Driver.Power.SetPowerState(task, PowerState.PowerOff);
            }

            if (usesAgent)
            {
                TearDownInbandService(node);
            }

            if (agentAttempted)
            {
                task.Driver.Boot.PrepareInstance(task);
                task.Driver.Power.SetPowerState(task, PowerState.PowerOn);
            }
        }
        catch (IronicException)
        {
            context.StepErrors.StepsFailed(node, "Failed to tear down service after aborting the operation", setFailState: false, tearDown: false, servicing: true);
            return;
        }

        node.LastError = StepRunner.AbortedByRequest("service", node.ServiceStep);
        node.ServiceStep = null;
        node.RequestedSteps = [];
        context.Steps.WipeStepInfo(node, keepAgent: false);
    }

    /// <summary>
    /// Ironic master's <c>unhold</c> of <c>service hold</c>: <c>continue_node_service</c> in a
    /// worker. A service hold here is one the node was created in (validation drops a request's
    /// <c>hold</c> step), with no steps recorded: Ironic's <c>do_next_service_step</c> asserts
    /// there are some, and <c>fail_on_error</c> hands that to the error handler.
    /// </summary>
    public void ContinueAfterUnhold(Node node)
    {
        if (node.StepPlan.IsDefaultOrEmpty && node.ServiceStep is null)
        {
            context.StepErrors.StepsFailed(
                node, StepErrorHandler.UnexpectedError(servicing: true, "AssertionError", $"BUG: No steps for {node.Uuid}, step index is 0"));
            return;
        }

        context.Steps.ContinueSteps(node);
    }

    /// <summary>
    /// Ironic's <c>set_node_service_steps</c>: the user's steps checked against the interfaces'
    /// service steps and the agent's cached ones, the reserved names left out, the operator's
    /// <c>[api] disallow_service_steps</c> dropped.
    /// </summary>
    private ImmutableArray<(StepDefinition Step, StepRequest? User)> ValidatedSteps(Node node)
    {
        var plan = context.Plans.ValidateUserSteps(node, node.RequestedSteps, context.Plans.AllServiceSteps(node), StepKind.Service, skipMissing: false);
        var disallowed = context.Plans.DisallowedSteps(StepKind.Service);
        return disallowed.IsDefaultOrEmpty
            ? plan
            : [.. plan.Where(s => !StepPlans.IsDisallowed(disallowed, s.Step.Interface, s.Step.Step))];
    }
}
