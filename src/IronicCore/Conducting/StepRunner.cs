using IronicCore.Drivers;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>
/// Running a list of clean or service steps (Ironic's <c>do_next_clean_step</c> and
/// <c>do_next_service_step</c> and their <c>continue_*</c>; their error handlers are
/// <see cref="StepErrorHandler"/>'s): the two differ only in their states, their step field and how
/// they end, so one runner serves both, and the node's provision state says which it runs. Also the
/// ramdisk's boot around in-band steps.
/// </summary>
internal sealed class StepRunner(ConductorContext context)
{
    /// <summary>The BIOS interface's out-of-band steps and its settings cache.</summary>
    public DriverSteps DriverSteps { get; } = new(context);

    /// <summary>
    /// Runs the steps from <paramref name="index"/>: an in-band step goes to the agent and the
    /// node waits (<c>clean wait</c>, <c>service wait</c>) for its result; after the last, the
    /// operation ends. What escapes goes to the error handler again (<see cref="StepErrorHandler.FailOnError"/>).
    /// </summary>
    public void DoNextStep(Node node, int? index)
    {
        var servicing = node.IsServicing();
        try
        {
            RunStepsFrom(node, index);
        }
        catch (IronicException error)
        {
            context.StepErrors.FailOnError(node, error, servicing);
        }
    }

    private void RunStepsFrom(Node node, int? index)
    {
        var task = context.Nodes.TaskOf(node);
        for (var i = index ?? node.StepPlan.Length; i < node.StepPlan.Length; i++)
        {
            var (step, user) = node.StepPlan[i];
            node.SetCurrentStep(step.Reference);
            node.StepIndex = i;
            node.StepAbortable = step.Abortable;
            if (step.IsAsGiven)
            {
                if (!context.Servicing.AsGiven.RunStep(node, user!))
                {
                    return;
                }

                continue;
            }

            if (task.Driver.RunsInAgent(step))
            {
                try
                {
                    StartAgentCommand(node, step.Reference);
                }
                catch (AgentConnectionFailedException) when (node.StepReboot)
                {
                    // The agent is not back yet from the reboot a step asked for: wait for it.
                    node.SkipCurrentStep = false;
                }
                catch (IronicException error)
                {
                    StepRaised(node, node.DescribeCurrentStep(), error.Message);
                    return;
                }

                context.Tasks.Fire(node, ProvisionEvent.Wait, node.ManualCleanTarget());
                return;
            }

            if (DriverSteps.IsDriverStep(task.Driver, step))
            {
                if (!DriverSteps.RunDriverStep(node, task, step, user))
                {
                    return;
                }

                continue;
            }

            // Out of band, a step runs on its own interface: the fake BIOS interface's checks its
            // settings, as Ironic's does.
            if (OutOfBandFailure(node, task, step, user) is { } failure)
            {
                StepRaised(node, node.DescribeCurrentStep(), failure);
                return;
            }

            if (FakeSteps.EndsInWait(step))
            {
                context.Tasks.Fire(node, ProvisionEvent.Wait, node.ManualCleanTarget());
                return;
            }
        }

        if (node.IsServicing())
        {
            context.Servicing.Finish(node);
        }
        else
        {
            context.Cleaning.Finish(node);
        }
    }

    /// <summary>
    /// After a step finished: the next step (or the same one again when it must be re-run),
    /// unless an abort was waiting for this step to end (Ironic's <c>continue_node_clean</c>). What
    /// escapes goes to the error handler again, as it escaped <see cref="DoNextStep"/>.
    /// </summary>
    public void ContinueSteps(Node node)
    {
        var servicing = node.IsServicing();
        try
        {
            ContinueFromCurrent(node);
        }
        catch (IronicException error)
        {
            context.StepErrors.FailOnError(node, error, servicing);
        }
    }

    private void ContinueFromCurrent(Node node)
    {
        var skipCurrent = node.SkipCurrentStep;
        node.SkipCurrentStep = true;
        var current = node.CurrentStep();
        int? next = current is null ? 0 : node.StepIndex is { } i ? (skipCurrent ? i + 1 : i) : null;
        if (next >= node.StepPlan.Length)
        {
            next = null;
        }

        if (node.AbortAfterStep && (next is not null || context.Profile.AbortAfterLastStep))
        {
            if (node.IsServicing())
            {
                // Ironic master's continue_node_service: fail, then do_node_service_abort in this
                // worker, without the abort event: the node stays in service failed.
                context.Tasks.Fire(node, ProvisionEvent.Fail);
                context.Servicing.DoAbort(node);
                return;
            }

            context.Tasks.Fire(node, ProvisionEvent.Fail, node.ManualCleanTarget());
            if (!context.StepErrors.TryTearDownAfterAbort(node))
            {
                return;
            }

            node.LastError = AbortedByRequest("clean", current);
            node.SetCurrentStep(null);
            WipeStepInfo(node);
            return;
        }

        DoNextStep(node, next);
    }

    /// <summary>
    /// Ironic's <c>get_last_error</c> of cleaning and servicing (and the deploy abort's twin):
    /// "during or after", since an abort waits for a running step that cannot be stopped.
    /// </summary>
    public static string AbortedByRequest(string operation, StepReference? step) =>
        step is null
            ? $"By request, the {operation} operation was aborted"
            : $"By request, the {operation} operation was aborted during or after the completion of step \"{step}\"";

    /// <summary>Ironic's <c>resume_cleaning</c> and its servicing twin: back from the wait state.</summary>
    public void ResumeSteps(Node node) => context.Tasks.Fire(node, ProvisionEvent.Resume, node.ManualCleanTarget());

    /// <summary>Sends a step to the node's agent (its command API); a busy agent makes the step run again later.</summary>
    /// <exception cref="AgentConnectionFailedException">The agent cannot be reached.</exception>
    public void StartAgentCommand(Node node, StepReference step)
    {
        var task = context.Nodes.TaskOf(node);
        var kind = node.IsServicing() ? StepKind.Service
            : node.ProvisionState is ProvisionState.Deploying or ProvisionState.WaitCallBack ? StepKind.Deploy
            : StepKind.Clean;
        try
        {
            AgentClient.ExecuteStep(task, kind, context.Options);
        }
        catch (AgentInProgressException)
        {
            node.SkipCurrentStep = false;
            return;
        }

        context.Agents.Execute(node.Index, task.Machine.Agent, kind, step);
    }

    /// <summary>
    /// Ironic's <c>prepare_agent_boot</c>: the boot interface's <c>prepare_ramdisk</c>, which (as
    /// Ironic's PXE boot does) makes the machine boot from the network next.
    /// </summary>
    /// <exception cref="IronicException">The boot interface or the BMC failed: the caller's error handler decides.</exception>
    public void PrepareRamdisk(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        node.AgentStartAttempted = true;
        task.Driver.Boot.PrepareRamdisk(task);
        if (task.Driver.Boot.RamdiskBootDevice is { } device)
        {
            task.Driver.Management.SetBootDevice(task, device, persistent: false);
        }
    }

    /// <summary>A step raised in the step loop: master's flow end, aborted at it, then the error handler's "Node ... failed step ...".</summary>
    public void StepRaised(Node node, string step, string reason)
    {
        context.StepFlows.StepAborted(node);
        context.StepErrors.StepsFailed(node, $"Node {node.Uuid} failed step {step}: {reason}");
    }

    /// <summary>
    /// Ironic's <c>tear_down_inband_cleaning</c>: power off, unless a clean step's failure left the
    /// node on for inspection (fault <c>clean failure</c>; a <c>service failure</c> kept from an
    /// earlier servicing does not count); a node with <c>disable_power_off</c> is rebooted out of
    /// the ramdisk instead, once its boot is cleaned up. Servicing has its own tear-down
    /// (<see cref="Servicing.TearDownInbandService"/>).
    /// </summary>
    /// <exception cref="IronicException">A power action failed: the caller's error handler decides.</exception>
    public void TearDownInband(Node node)
    {
        // A fast-tracked agent stays up; is_fast_track comes first and reads the machine's power,
        // which fails with the BMC.
        var fastTrack = IsFastTrack(node);
        var failed = fastTrack || node.Fault == NodeFault.CleanFailure;
        if (!failed)
        {
            context.Power.PowerOffToChangeBoot(node);
        }

        var task = context.Nodes.TaskOf(node);
        task.Driver.Boot.CleanUpRamdisk(task);
        if (!failed && node.DisablePowerOff)
        {
            context.Power.NodePowerAction(node, PowerState.Rebooting);
        }
    }

    /// <summary>
    /// Ironic's <c>wipe_cleaning_internal_info</c> and <c>wipe_service_internal_info</c>; a
    /// fast-track-able node's agent keeps its token and URL.
    /// </summary>
    public void WipeStepInfo(Node node, bool? keepAgent = null)
    {
        if (!(keepAgent ?? IsFastTrackAble(node)))
        {
            node.AgentToken = null;
            node.AgentUrl = null;
        }

        node.StepPlan = [];
        node.AgentCachedCleanSteps = null;
        node.AgentStartAttempted = false;
        node.StepIndex = null;
        node.StepReboot = false;
        node.StepsDisableRamdisk = false;
        node.SkipCurrentStep = true;
    }

    /// <summary>
    /// Ironic's <c>is_fast_track</c>: fast-track-able, the machine on as its power interface reads
    /// it now (not the recorded state: a machine switched off behind the conductor's back is off),
    /// and the agent heard from within <c>fast_track_timeout</c>: the agent is reused instead of rebooted.
    /// </summary>
    /// <exception cref="IronicException">The power interface failed to read the machine's power.</exception>
    public bool IsFastTrack(Node node) =>
        IsFastTrackAble(node)
        && context.Nodes.TaskOf(node) is var task && task.Driver.Power.GetPowerState(task) == PowerState.PowerOn
        && node.AgentUrl is not null
        && node.AgentLastHeartbeat is { } last && context.Clock.GetUtcNow() - last < context.Options.Deploy.FastTrackTimeout;

    /// <summary>
    /// Ironic's <c>fast_track_able</c>: <c>[deploy] fast_track</c> on, no <c>last_error</c> (a
    /// recent failure sends the node through a full boot) and not servicing (whose clean-up must
    /// not be skipped for an agent that is up).
    /// </summary>
    public bool IsFastTrackAble(Node node) => context.Options.Deploy.FastTrack && node.LastError is null && !node.IsServicing();

    /// <summary>
    /// A step run on its own interface: a type's vendor interface runs its own steps (ipmitool's
    /// <c>send_raw</c>); a fake interface's runs (Ironic's fake interfaces have the methods); an
    /// agent's step for an interface the node has disabled (a service step for <c>raid</c> on ipmi's
    /// <c>no-raid</c>) fails as Ironic's <c>FailMixin</c> does.
    /// </summary>
    private static string? OutOfBandFailure(Node node, DriverTask task, StepDefinition step, StepRequest? user)
    {
        var driver = task.Driver;
        if (!DriverFactory.IsFakeHardware(driver.Type) && VendorPassthru.RunStep(task, step, user) is var (ran, failure) && ran)
        {
            return failure;
        }

        return DriverFactory.IsFakeHardware(driver.Type) || driver.CleanSteps.Contains(step) || driver.ServiceSteps.Contains(step)
            ? FakeSteps.Run(node, task.Now, step, user)
            : $"Driver {driver.Driver} does not support {step.Interface} (disabled or not implemented).";
    }
}
