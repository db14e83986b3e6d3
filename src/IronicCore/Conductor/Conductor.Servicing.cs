using System.Collections.Immutable;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore;

/// <summary>Servicing (Ironic master's <c>conductor/servicing.py</c>): the operator's steps on an active node, then back to <c>active</c>.</summary>
public sealed partial class Conductor
{
    /// <summary>
    /// Ironic's <c>do_node_service</c>: check the steps the driver knows now (the agent's are
    /// checked once it is up); boot the agent when a step needs the ramdisk and wait for its
    /// first heartbeat in <c>service wait</c>, else run the steps at once.
    /// </summary>
    private void Service(Node node)
    {
        WipeStepInfo(node, keepAgent: false);
        node.StepsDisableRamdisk = node.DisableRamdisk;
        var inBand = node.Hardware.UsesAgent && !node.StepsDisableRamdisk;
        ImmutableArray<(StepDefinition Step, StepRequest? User)> plan;
        try
        {
            plan = ValidateUserSteps(node, node.RequestedSteps, AllCleanSteps(node), StepKind.Service, skipMissing: inBand);
        }
        catch (InvalidParameterValueException error)
        {
            RecordHistory(node, $"Cannot service node {node.Uuid}: {error.Reason}", "servicing");
            node.RequestedSteps = [];
            Fire(node, ProvisionEvent.Fail, ProvisionState.Active);
            return;
        }

        node.ServiceStep = null;
        var unknownUntilAgentIsUp = plan.Length < node.RequestedSteps.Count(s => !IsReservedStep(s, StepKind.Service));
        if (inBand && (unknownUntilAgentIsUp || plan.Any(s => s.Step.RequiresRamdisk)))
        {
            // Ironic's prepare_service: boot the agent; its first heartbeat checks and starts the steps.
            if (!PrepareRamdisk(node, out var error))
            {
                StepsFailed(node, $"Failed to prepare node {node.Uuid} for service: {error}");
                return;
            }

            NodePowerAction(node, PowerState.Rebooting);
            Fire(node, ProvisionEvent.Wait);
            return;
        }

        node.StepPlan = plan;
        node.RequestedSteps = [];
        DoNextStep(node, plan.IsEmpty ? null : 0);
    }

    /// <summary>At the agent's first heartbeat: the operator's steps checked against the driver's and the agent's, in their order.</summary>
    private bool SetServiceSteps(Node node)
    {
        try
        {
            node.StepPlan = ValidateUserSteps(node, node.RequestedSteps, AllCleanSteps(node), StepKind.Service, skipMissing: false);
            node.StepIndex = null;
            node.RequestedSteps = [];
            return true;
        }
        catch (InvalidParameterValueException error)
        {
            StepsFailed(node, $"Node failed to start the first service step: {error.Reason}");
            return false;
        }
    }

    /// <summary>
    /// The end of servicing (Ironic's <c>_tear_down_node_service</c>): unless the ramdisk was
    /// disabled, the agent's tear-down powers the machine off and boots it back into the
    /// instance; then <c>active</c>.
    /// </summary>
    private void FinishServicing(Node node)
    {
        var inBand = node.Hardware.UsesAgent && !node.StepsDisableRamdisk;
        node.ServiceStep = null;
        node.RequestedSteps = [];
        WipeStepInfo(node, keepAgent: false);
        if (inBand)
        {
            PowerOffToChangeBoot(node);
            PowerOnAfterBootChange(node);
        }

        Fire(node, ProvisionEvent.Done);
    }
}
