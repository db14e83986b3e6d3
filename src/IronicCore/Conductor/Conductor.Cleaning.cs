using System.Collections.Immutable;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conductor;

/// <summary>Cleaning (Ironic's <c>conductor/cleaning.py</c>): automated after provide and undeploy, manual on request.</summary>
public sealed partial class Conductor
{
    /// <summary>Ironic's <c>do_node_clean</c>, as far as the driver's steps run in the conductor.</summary>
    private void Clean(Node node, bool manual)
    {
        if (!manual && SkipsAutomatedCleaning(node))
        {
            node.CleanStep = null;
            Fire(node, ProvisionEvent.Done);
            return;
        }

        if (node.Maintenance && !maintenancePolicy.AllowsCleaningStart(node.ToView(), manual, Options))
        {
            CleaningFailed(node, "Cleaning a node in maintenance mode is not allowed");
            return;
        }

        ImmutableArray<StepDefinition> steps;
        try
        {
            steps = manual ? ValidateUserSteps(node, node.RequestedSteps, "clean") : AutomatedCleanSteps(node);
        }
        catch (InvalidParameterValueException error)
        {
            CleaningFailed(node, $"Cannot clean node {node.Uuid}: {error.Reason}");
            return;
        }

        foreach (var step in steps)
        {
            // The fake interfaces' steps run synchronously and succeed.
            node.CleanStep = step.Reference;
            node.CleanStepAbortable = step.Abortable;
        }

        node.CleanStep = null;
        node.RequestedSteps = [];
        Fire(node, manual || node.Retired ? ProvisionEvent.Manage : ProvisionEvent.Done);
    }

    private bool SkipsAutomatedCleaning(Node node) => !(node.AutomatedClean ?? Options.AutomatedClean);

    /// <summary>
    /// The driver's steps with a priority, highest first, interface rank breaking ties as in
    /// Ironic; worked out once per hardware type, as they depend only on it and the options.
    /// </summary>
    private ImmutableArray<StepDefinition> AutomatedCleanSteps(Node node)
    {
        if (!automatedCleanSteps.TryGetValue(node.Hardware, out var steps))
        {
            steps = [.. node.Hardware.CleanSteps
                .Where(s => s.Priority > 0)
                .OrderByDescending(s => s.Priority)
                .ThenByDescending(s => StepOrder.InterfaceRank(s.Interface, Release))];
            automatedCleanSteps.Add(node.Hardware, steps);
        }

        return steps;
    }

    /// <summary>
    /// Ironic's <c>_validate_user_steps</c>: each user step must name a driver step, with no
    /// unexpected and no missing arguments. All errors are reported together.
    /// </summary>
    private static ImmutableArray<StepDefinition> ValidateUserSteps(Node node, ImmutableArray<StepRequest> requested, string kind)
    {
        var errors = new List<string>();
        var result = ImmutableArray.CreateBuilder<StepDefinition>();
        foreach (var user in requested)
        {
            var definition = node.Hardware.CleanSteps.FirstOrDefault(s => s.Interface == user.Interface && s.Step == user.Step);
            if (definition is null)
            {
                errors.Add($"node does not support this {kind} step: {user}");
                continue;
            }

            var argsInfo = definition.ArgsInfo ?? ImmutableDictionary<string, bool>.Empty;
            var given = user.Args?.Keys ?? [];
            var unexpected = given.Where(a => !argsInfo.ContainsKey(a)).ToList();
            if (unexpected.Count > 0)
            {
                errors.Add($"{kind} step {user} has these unexpected arguments: {string.Join(", ", unexpected)}");
            }

            var missing = argsInfo.Where(a => a.Value && !given.Contains(a.Key)).Select(a => a.Key).ToList();
            if (missing.Count > 0)
            {
                errors.Add($"{kind} step {user} is missing these required arguments: {string.Join(", ", missing)}");
            }

            if (node.DisableRamdisk && definition.RequiresRamdisk)
            {
                errors.Add($"{kind} step {user} requires booting a ramdisk");
            }

            result.Add(definition);
        }

        return errors.Count == 0
            ? result.ToImmutable()
            : throw new InvalidParameterValueException(string.Join("; ", errors));
    }

    /// <summary>
    /// Ironic's <c>cleaning_error_handler</c>: a failure while a step ran puts the node in
    /// maintenance with fault <c>clean failure</c>; then <c>fail</c> to <c>clean failed</c>,
    /// keeping the manual clean's target.
    /// </summary>
    /// <remarks>The fake deploy interface has nothing to tear down after cleaning.</remarks>
    private void CleaningFailed(Node node, string error, bool setFailState = true)
    {
        if (node.CleanStep is not null)
        {
            node.Fault = NodeFault.CleanFailure;
            node.Maintenance = true;
            node.MaintenanceReason ??= error;
        }

        if (node.ProvisionState is ProvisionState.Cleaning or ProvisionState.CleanWait or ProvisionState.CleanFailed)
        {
            node.CleanStep = null;
            node.AbortAfterCleanStep = false;
        }

        var manual = node.TargetProvisionState == ProvisionState.Manageable;
        node.LastError = error;
        node.RequestedSteps = [];
        if (setFailState && node.ProvisionState != ProvisionState.CleanFailed)
        {
            Fire(node, ProvisionEvent.Fail, manual ? ProvisionState.Manageable : null);
        }
    }

    /// <summary>Servicing (Ironic master): the user's steps on an active node, then back to <c>active</c>.</summary>
    private void Service(Node node)
    {
        try
        {
            ValidateUserSteps(node, node.RequestedSteps, "service");
        }
        catch (InvalidParameterValueException error)
        {
            node.LastError = $"Cannot service node {node.Uuid}: {error.Reason}";
            node.RequestedSteps = [];
            Fire(node, ProvisionEvent.Fail, ProvisionState.Active);
            return;
        }

        node.ServiceStep = null;
        node.RequestedSteps = [];
        Fire(node, ProvisionEvent.Done);
    }
}
