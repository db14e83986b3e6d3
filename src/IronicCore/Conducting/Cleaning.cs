using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Runbooks;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>Cleaning (Ironic's <c>conductor/cleaning.py</c>): automated after provide and undeploy, manual on request.</summary>
internal sealed class Cleaning(ConductorContext context)
{
    /// <summary>Ironic's <c>do_node_clean</c> request side: the limits, the lock, maintenance, power validation; then the worker.</summary>
    public void StartManual(Node node, ProvisionRequest request)
    {
        context.Provisioning.CheckConcurrency(ConcurrencyKind.Clean);
        context.Tasks.EnsureUnlocked(node);
        if (node.Maintenance && !context.MaintenancePolicy.AllowsRequest(node.ToView(), ApiVerb.Clean, context.Options))
        {
            throw new NodeInMaintenanceException("cleaning", node.Uuid);
        }

        var task = context.Nodes.TaskOf(node);
        task.Driver.Power.Validate(task);
        node.RequestedSteps = request.CleanSteps ?? [];
        node.DisableRamdisk = request.DisableRamdisk ?? false;
        context.Tasks.FireRequested(node, ProvisionEvent.Clean, "manual clean", ProvisionState.Manageable, Worker.ManualClean);
    }

    /// <summary>
    /// Ironic's <c>do_node_clean</c>: skip or refuse, boot the ramdisk agent when the steps
    /// run in-band (then wait for its first heartbeat), else work out the steps and run them.
    /// </summary>
    public void DoNodeClean(Node node, bool manual)
    {
        var steps = context.Steps;
        if (!manual && !(node.AutomatedClean ?? context.Options.AutomatedClean))
        {
            node.CleanStep = null;
            context.Autodetect.Restore(node);
            context.Tasks.Fire(node, ProvisionEvent.Done);
            return;
        }

        if (node.Maintenance && !context.MaintenancePolicy.AllowsCleaningStart(node.ToView(), manual, context.Options))
        {
            context.StepErrors.StepsFailed(node, "Cleaning a node in maintenance mode is not allowed", tearDown: false);
            return;
        }

        steps.WipeStepInfo(node);
        steps.DriverSteps.TryUpdateCache(node);
        var userSteps = manual || IsDeclarativeCleaning(node);
        node.StepsDisableRamdisk = userSteps && node.DisableRamdisk;
        var stepsValidated = ValidatesStepsEarly(node) && TryValidateStepsEarly(node);
        if (context.Nodes.DriverOf(node).UsesAgent && !node.StepsDisableRamdisk)
        {
            // Ironic's prepare_inband_cleaning: the ramdisk's boot is prepared even for a fast-tracked
            // agent (virtual media keeps its ISO, or inserts one and powers off when the CD is empty),
            // then, unless fast track still finds the agent up (reading the machine's power, which may
            // fail), a reboot boots the agent; its first heartbeat starts the steps.
            bool fastTrack;
            try
            {
                // Read first, as Ironic does: a BMC that cannot say the machine's power fails here.
                steps.IsFastTrack(node);
                steps.PrepareRamdisk(node);
                fastTrack = steps.IsFastTrack(node);
                if (!fastTrack)
                {
                    context.Power.NodePowerAction(node, PowerState.Rebooting);
                }
            }
            catch (IronicException error)
            {
                context.StepErrors.StepsFailed(node, $"Failed to prepare node {node.Uuid} for cleaning: {error.Message}");
                return;
            }

            if (!fastTrack)
            {
                context.Tasks.Fire(node, ProvisionEvent.Wait, manual ? ProvisionState.Manageable : null);
                return;
            }

            // Fast track: the agent is up already; ask it for its steps now.
            node.AgentCachedCleanSteps = context.Nodes.MachineAt(node.Index).Agent.CleanSteps;
        }

        if (stepsValidated || SetCleaningSteps(node, atFirstHeartbeat: false))
        {
            // Only a cleaning whose steps start here records its start: after the agent's boot, its
            // first heartbeat starts them without one.
            context.StepFlows.Started(node, manual ? StepFlow.ManualCleaning : StepFlow.AutomatedCleaning);
            steps.DoNextStep(node, node.StepPlan.IsEmpty ? null : 0);
        }
    }

    /// <summary>
    /// Whether master's <c>do_node_clean</c> validates the user's steps before preparing the ramdisk
    /// (<c>_validate_clean_steps_early</c>): a manual or a runbook's clean with steps and without
    /// <c>disable_ramdisk</c>. 21.4 validates them only once the agent is up (or the deploy
    /// interface needs none).
    /// </summary>
    private bool ValidatesStepsEarly(Node node) =>
        context.Profile.ValidatesCleanStepsEarly && !node.DisableRamdisk && !node.RequestedSteps.IsDefaultOrEmpty
        && (node.TargetProvisionState == ProvisionState.Manageable || IsDeclarativeCleaning(node));

    /// <summary>
    /// Master's <c>_validate_clean_steps_early</c>: the user's steps checked against the driver's own
    /// (the agent's are not known yet); an error only means "try again once the agent is up". Steps
    /// that all run without the ramdisk clean without booting it.
    /// </summary>
    /// <returns>Whether the steps are valid and the node's plan is set.</returns>
    private bool TryValidateStepsEarly(Node node)
    {
        try
        {
            node.StepPlan = context.Plans.ValidateUserSteps(node, node.RequestedSteps, context.Plans.AllCleanSteps(node), StepKind.Clean, skipMissing: false);
        }
        catch (InvalidParameterValueException)
        {
            return false;
        }

        node.CleanStep = null;
        node.StepIndex = null;
        if (!node.StepPlan.IsEmpty && node.StepPlan.All(s => !s.Step.RequiresRamdisk))
        {
            node.StepsDisableRamdisk = true;
        }

        return true;
    }

    /// <summary>
    /// Ironic's <c>set_node_cleaning_steps</c>: the user's steps, validated, for a manual clean or a
    /// runbook's automated clean, else the drivers'; a validation error fails the cleaning at its
    /// start, and at the agent's first heartbeat goes to the heartbeat's error handler.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="atFirstHeartbeat">Whether the agent's first heartbeat asks.</param>
    /// <param name="driverSteps">
    /// The drivers' steps whatever the node's cleaning: Ironic's restart of an automated clean after
    /// the agent's version changed, which drops a runbook's steps.
    /// </param>
    /// <returns>Whether the steps are set; false once the cleaning has failed.</returns>
    /// <exception cref="InvalidParameterValueException">At the first heartbeat, the steps fail validation.</exception>
    public bool SetCleaningSteps(Node node, bool atFirstHeartbeat, bool driverSteps = false)
    {
        try
        {
            // An early validation (master) has already written what it matched into the user's steps.
            node.StepPlan = !driverSteps && (node.TargetProvisionState == ProvisionState.Manageable || IsDeclarativeCleaning(node))
                ? context.Plans.ValidateUserSteps(
                    node, node.RequestedSteps, context.Plans.AllCleanSteps(node), StepKind.Clean, skipMissing: false,
                    ValidatesStepsEarly(node) ? context.Nodes.DriverOf(node).CleanSteps : [])
                : context.Plans.AutomatedCleanSteps(node);
            node.CleanStep = null;
            node.StepIndex = null;
            return true;
        }
        catch (InvalidParameterValueException error) when (!atFirstHeartbeat)
        {
            context.StepErrors.StepsFailed(node, $"Cannot clean node {node.Uuid}: {error.Reason}");
            return false;
        }
    }

    /// <summary>
    /// The steps of the node's next automated cleaning, before it starts: a runbook's (Ironic's
    /// declarative cleaning) or none, for the drivers' own. Called by <c>provide</c>, whose
    /// request it may refuse, and by the tear-down worker.
    /// </summary>
    /// <exception cref="RunbookNotFoundException">The runbook chosen does not exist.</exception>
    /// <exception cref="NodeCleaningFailureException">A runbook is required and none is configured, or it is not approved for the node.</exception>
    public void ChooseAutomatedCleaningSteps(Node node)
    {
        var runbook = AutomatedCleaningRunbook.For(node, context.Options, context.Runbooks);
        node.RequestedSteps = runbook is null ? [] : RunbookUse.Steps(runbook);
        node.DisableRamdisk = runbook?.DisableRamdisk ?? false;
    }

    /// <summary>
    /// <see cref="ChooseAutomatedCleaningSteps"/> in the tear-down worker, which Ironic ends there when
    /// it fails: the node stays in <c>deleting</c>, unlocked, with the worker's error in
    /// <c>last_error</c> unless one was there. A missing runbook's error says nothing, as it
    /// reaches Ironic's worker wrapped by the RPC layer.
    /// </summary>
    /// <returns>Whether cleaning may start.</returns>
    public bool TryChooseAutomatedCleaningStepsAfterTearDown(Node node)
    {
        try
        {
            ChooseAutomatedCleaningSteps(node);
            return true;
        }
        catch (IronicException error) when (error is RunbookNotFoundException or NodeCleaningFailureException)
        {
            var reason = error is RunbookNotFoundException ? string.Empty : error.Message;
            TaskManager.WriteException(node, "_do_node_tear_down", reason);
            return false;
        }
    }

    /// <summary>
    /// The end of cleaning (Ironic's tail of <c>do_next_clean_step</c>): tear down unless the
    /// agent stays for fast track, then <c>available</c> (or <c>manageable</c> after a manual or
    /// a retired node's clean).
    /// </summary>
    public void Finish(Node node)
    {
        var manual = node.TargetProvisionState == ProvisionState.Manageable;
        node.CleanStep = null;
        node.RequestedSteps = [];
        var inBand = context.Nodes.DriverOf(node).UsesAgent && !node.StepsDisableRamdisk;
        context.Steps.WipeStepInfo(node);
        if (inBand)
        {
            try
            {
                context.Steps.TearDownInband(node);
            }
            catch (IronicException error)
            {
                context.StepErrors.StepsFailed(node, $"Failed to tear down from cleaning for node {node.Uuid}, reason: {error.Message}", tearDown: false);
                return;
            }
        }

        if (context.Profile.UpdatesCacheAroundSteps)
        {
            context.Steps.DriverSteps.TryUpdateCache(node);
        }

        // The steps were wiped above: Ironic's entry quotes an empty list.
        context.StepFlows.Completed(node, manual ? StepFlow.ManualCleaning : StepFlow.AutomatedCleaning);
        context.Autodetect.Restore(node);
        context.Tasks.Fire(node, manual || node.Retired ? ProvisionEvent.Manage : ProvisionEvent.Done);
    }

    /// <summary>
    /// Ironic's <c>do_node_clean_abort</c>: the ramdisk torn down, the step and the plan forgotten.
    /// When the tear-down fails, the cleaning error handler records it (in maintenance if a step
    /// was running) and the node stays in <c>clean failed</c>.
    /// </summary>
    public void DoAbort(Node node)
    {
        // Ironic writes the abort's last_error once the tear-down is done: its power-off clears
        // last_error when it finds the machine already off (node_power_action's skip).
        var aborted = node.LastError;
        if (!context.StepErrors.TryTearDownAfterAbort(node))
        {
            return;
        }

        node.LastError = aborted;
        node.CleanStep = null;
        context.Steps.WipeStepInfo(node);
    }

    /// <summary>Whether the node's automated cleaning runs a runbook's steps (Ironic's <c>declarative_cleaning</c>).</summary>
    private static bool IsDeclarativeCleaning(Node node) =>
        node.TargetProvisionState != ProvisionState.Manageable && !node.RequestedSteps.IsDefaultOrEmpty;
}
