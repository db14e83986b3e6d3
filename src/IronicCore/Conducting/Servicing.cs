using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>Servicing (Ironic master's <c>conductor/servicing.py</c>): the operator's steps on an active node, then back to <c>active</c>.</summary>
internal sealed class Servicing(ConductorContext context)
{
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
    /// Ironic's <c>do_node_service</c>: check the steps the driver knows now (the agent's are
    /// checked once it is up); boot the agent when a step needs the ramdisk and wait for its
    /// first heartbeat in <c>service wait</c>, else run the steps at once.
    /// </summary>
    public void DoNodeService(Node node)
    {
        var steps = context.Steps;
        steps.WipeStepInfo(node, keepAgent: false);
        node.StepsDisableRamdisk = node.DisableRamdisk;
        var inBand = context.Nodes.DriverOf(node).UsesAgent && !node.StepsDisableRamdisk;
        ImmutableArray<(StepDefinition Step, StepRequest? User)> plan;
        try
        {
            plan = context.Plans.ValidateUserSteps(node, node.RequestedSteps, context.Plans.AllCleanSteps(node), StepKind.Service, skipMissing: inBand);
        }
        catch (InvalidParameterValueException error)
        {
            context.History.Record(node, $"Cannot service node {node.Uuid}: {error.Reason}", "servicing");
            node.RequestedSteps = [];
            context.Tasks.Fire(node, ProvisionEvent.Fail, ProvisionState.Active);
            return;
        }

        node.ServiceStep = null;
        var unknownUntilAgentIsUp = plan.Length < node.RequestedSteps.Count(s => !context.Plans.IsReservedStep(s, StepKind.Service));
        if (inBand && (unknownUntilAgentIsUp || plan.Any(s => s.Step.RequiresRamdisk)))
        {
            // Ironic's prepare_service: boot the agent; its first heartbeat checks and starts the steps.
            try
            {
                steps.PrepareInband(node);
            }
            catch (IronicException error)
            {
                steps.StepsFailed(node, $"Failed to prepare node {node.Uuid} for service: {error.Message}");
                return;
            }

            context.Tasks.Fire(node, ProvisionEvent.Wait);
            return;
        }

        node.StepPlan = plan;
        node.RequestedSteps = [];
        steps.DoNextStep(node, plan.IsEmpty ? null : 0);
    }

    /// <summary>At the agent's first heartbeat: the operator's steps checked against the driver's and the agent's, in their order.</summary>
    public bool SetServiceSteps(Node node)
    {
        try
        {
            node.StepPlan = context.Plans.ValidateUserSteps(node, node.RequestedSteps, context.Plans.AllCleanSteps(node), StepKind.Service, skipMissing: false);
            node.StepIndex = null;
            node.RequestedSteps = [];
            return true;
        }
        catch (InvalidParameterValueException error)
        {
            context.Steps.StepsFailed(node, $"Node failed to start the first service step: {error.Reason}");
            return false;
        }
    }

    /// <summary>
    /// The end of servicing (Ironic's <c>_tear_down_node_service</c>): unless the ramdisk was
    /// disabled, the agent's tear-down powers the machine off and boots it back into the
    /// instance; then <c>active</c>.
    /// </summary>
    public void Finish(Node node)
    {
        var inBand = context.Nodes.DriverOf(node).UsesAgent && !node.StepsDisableRamdisk;
        node.ServiceStep = null;
        node.RequestedSteps = [];
        context.Steps.WipeStepInfo(node, keepAgent: false);
        if (inBand)
        {
            try
            {
                context.Power.PowerOffToChangeBoot(node);
                context.Power.PowerOnAfterBootChange(node);
            }
            catch (IronicException error)
            {
                context.Steps.StepsFailed(node, $"Failed to tear down from service for node {node.Uuid}, reason: {error.Message}", tearDown: false);
                return;
            }
        }

        context.Tasks.Fire(node, ProvisionEvent.Done);
    }
}
