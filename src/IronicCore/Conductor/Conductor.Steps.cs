using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore;

/// <summary>
/// Running a list of clean or service steps (Ironic's <c>do_next_clean_step</c> and
/// <c>do_next_service_step</c>, their <c>continue_*</c> and error handlers): the two differ
/// only in their states, their step field and how they end, so one runner serves both, and the
/// node's provision state says which it is running.
/// </summary>
public sealed partial class Conductor
{
    /// <summary>Whether the node's steps are service steps (else clean steps).</summary>
    private static bool IsServicing(Node node) =>
        node.ProvisionState is ProvisionState.Servicing or ProvisionState.ServiceWait
            or ProvisionState.ServiceHold or ProvisionState.ServiceFailed;

    /// <summary>The running step: <c>clean_step</c> or <c>service_step</c>.</summary>
    private static StepReference? CurrentStep(Node node) => IsServicing(node) ? node.ServiceStep : node.CleanStep;

    private static void SetCurrentStep(Node node, StepReference? step)
    {
        if (IsServicing(node))
        {
            node.ServiceStep = step;
        }
        else
        {
            node.CleanStep = step;
        }
    }

    /// <summary>A manual clean keeps its target <c>manageable</c> through wait, resume and fail; the others take the machine's.</summary>
    private static ProvisionState? ManualCleanTarget(Node node) =>
        node.TargetProvisionState == ProvisionState.Manageable ? ProvisionState.Manageable : null;

    /// <summary>
    /// Runs the steps from <paramref name="index"/>: an in-band step goes to the agent and the
    /// node waits (<c>clean wait</c>, <c>service wait</c>) for its result; after the last, the
    /// operation ends.
    /// </summary>
    private void DoNextStep(Node node, int? index)
    {
        for (var i = index ?? node.StepPlan.Length; i < node.StepPlan.Length; i++)
        {
            var (step, user) = node.StepPlan[i];
            SetCurrentStep(node, step.Reference);
            node.StepIndex = i;
            node.StepAbortable = step.Abortable;
            if (IsAgentStep(node, step))
            {
                try
                {
                    StartAgentCommand(node, step.Reference);
                }
                catch (AgentInProgressException)
                {
                    node.SkipCurrentStep = false;
                }

                Fire(node, ProvisionEvent.Wait, ManualCleanTarget(node));
                return;
            }

            if (node.Hardware.RunStep(TaskOf(node), step, user) is { } failure)
            {
                StepsFailed(node, $"Node {node.Uuid} failed step {DescribeCurrentStep(node)}: {failure}");
                return;
            }
        }

        if (IsServicing(node))
        {
            FinishServicing(node);
        }
        else
        {
            FinishCleaning(node);
        }
    }

    /// <summary>
    /// After a step finished: the next step (or the same one again when it must be re-run),
    /// unless an abort was waiting for this step to end.
    /// </summary>
    private void ContinueSteps(Node node)
    {
        var skipCurrent = node.SkipCurrentStep;
        node.SkipCurrentStep = true;
        var current = CurrentStep(node);
        int? next = current is null ? 0 : node.StepIndex is { } i ? (skipCurrent ? i + 1 : i) : null;
        if (next >= node.StepPlan.Length)
        {
            next = null;
        }

        if (node.AbortAfterStep && next is not null)
        {
            var operation = IsServicing(node) ? "service" : "clean";
            Fire(node, ProvisionEvent.Fail, ManualCleanTarget(node));
            TearDownInband(node);
            node.LastError = $"By request, the {operation} operation was aborted after completing step \"{current}\"";
            SetCurrentStep(node, null);
            WipeStepInfo(node);
            return;
        }

        DoNextStep(node, next);
    }

    /// <summary>Ironic's <c>resume_cleaning</c> and its servicing twin: back from the wait state.</summary>
    private void ResumeSteps(Node node) => Fire(node, ProvisionEvent.Resume, ManualCleanTarget(node));

    /// <summary>Whether the agent runs the step: with the direct deploy interface, every deploy-interface step is the agent's.</summary>
    private static bool IsAgentStep(Node node, StepDefinition step) =>
        node.Hardware.UsesAgent && step.Interface == "deploy" && !node.Hardware.CleanSteps.Contains(step);

    /// <summary>
    /// Ironic's <c>tear_down_inband_cleaning</c> (and servicing's): power off, unless a step
    /// failure left the node on for inspection; a node with <c>disable_power_off</c> is rebooted
    /// out of the ramdisk instead, once its boot is cleaned up.
    /// </summary>
    private void TearDownInband(Node node)
    {
        var failed = node.Fault is NodeFault.CleanFailure or NodeFault.ServiceFailure;
        if (!failed)
        {
            PowerOffToChangeBoot(node);
        }

        node.Hardware.Boot.CleanUpRamdisk(TaskOf(node));
        if (!failed && node.DisablePowerOff)
        {
            NodePowerAction(node, PowerState.Rebooting);
        }
    }

    /// <summary>
    /// The boot interface's <c>prepare_ramdisk</c>, before the agent boots, which (as Ironic's PXE
    /// boot does) makes the machine boot from the network next; false with Ironic's error text when it cannot.
    /// </summary>
    private bool PrepareRamdisk(Node node, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        try
        {
            node.Hardware.Boot.PrepareRamdisk(TaskOf(node));
            node.Hardware.Management.SetBootDevice(TaskOf(node), Drivers.BootDevice.Pxe, persistent: false);
            error = null;
            return true;
        }
        catch (IronicException failure)
        {
            error = failure.Message;
            return false;
        }
    }

    /// <summary>
    /// The running step as Ironic's messages quote it: the user's step with what validation
    /// added, or the driver's or agent's whole step; <c>{}</c> when none runs.
    /// </summary>
    private static string DescribeCurrentStep(Node node)
    {
        if (CurrentStep(node) is null || node.StepIndex is not { } index)
        {
            return "{}";
        }

        var (step, user) = node.StepPlan[index];
        return user?.Describe(step.Abortable, step.Priority) ?? step.Describe();
    }

    /// <summary>
    /// Ironic's <c>cleaning_error_handler</c> and <c>servicing_error_handler</c>: a failure
    /// while a step ran puts the node in maintenance with fault <c>clean failure</c> (or
    /// <c>service failure</c>); then <c>fail</c>, keeping a manual clean's target.
    /// </summary>
    private void StepsFailed(Node node, string error, bool setFailState = true, bool tearDown = true)
    {
        var servicing = IsServicing(node);
        if (CurrentStep(node) is not null)
        {
            node.Fault = servicing ? NodeFault.ServiceFailure : NodeFault.CleanFailure;
            SetMaintenanceFlag(node, true);
            node.MaintenanceReason ??= error;
        }

        if (tearDown && node.Hardware.UsesAgent && !node.StepsDisableRamdisk)
        {
            TearDownInband(node);
        }

        if (node.ProvisionState is ProvisionState.Cleaning or ProvisionState.CleanWait or ProvisionState.CleanFailed
            or ProvisionState.Servicing or ProvisionState.ServiceWait or ProvisionState.ServiceFailed)
        {
            SetCurrentStep(node, null);
            node.StepIndex = null;
            node.AbortAfterStep = false;
            node.StepReboot = false;
            node.SkipCurrentStep = true;
            node.AgentToken = null;
            node.AgentUrl = null;
        }

        RecordHistory(node, error, servicing ? "servicing" : "cleaning");
        node.RequestedSteps = [];
        if (setFailState && node.ProvisionState is not (ProvisionState.CleanFailed or ProvisionState.ServiceFailed))
        {
            Fire(node, ProvisionEvent.Fail, ManualCleanTarget(node));
        }
    }

    /// <summary>
    /// Ironic's <c>wipe_cleaning_internal_info</c> and <c>wipe_service_internal_info</c>; a
    /// fast-track agent keeps its token and URL.
    /// </summary>
    private void WipeStepInfo(Node node, bool? keepAgent = null)
    {
        if (!(keepAgent ?? IsFastTrack(node)))
        {
            node.AgentToken = null;
            node.AgentUrl = null;
        }

        node.StepPlan = [];
        node.AgentCachedCleanSteps = null;
        node.StepIndex = null;
        node.StepReboot = false;
        node.StepsDisableRamdisk = false;
        node.SkipCurrentStep = true;
    }
}
