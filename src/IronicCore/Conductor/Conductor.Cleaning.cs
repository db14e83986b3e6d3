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

        ImmutableArray<(StepDefinition Step, StepRequest? User)> steps;
        try
        {
            steps = manual
                ? ValidateUserSteps(node, node.RequestedSteps, node.Hardware.CleanSteps, StepKind.Clean, skipMissing: false)
                : [.. AutomatedCleanSteps(node).Select(s => (s, (StepRequest?)null))];
        }
        catch (InvalidParameterValueException error)
        {
            CleaningFailed(node, $"Cannot clean node {node.Uuid}: {error.Reason}");
            return;
        }

        foreach (var (step, user) in steps)
        {
            node.CleanStep = step.Reference;
            node.CleanStepAbortable = step.Abortable;
            if (node.Hardware.RunStep(step, user) is { } failure)
            {
                var described = user?.Describe(step.Abortable, step.Priority) ?? step.Reference.ToString();
                CleaningFailed(node, $"Node {node.Uuid} failed step {described}: {failure}");
                return;
            }
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
    /// Ironic's <c>_validate_user_steps</c>: each user step must name a driver step (unless
    /// <paramref name="skipMissing"/>: the agent may report it later), with no unexpected and
    /// no missing arguments; the core <c>deploy.deploy</c> step can only be disabled. All
    /// errors are reported together.
    /// </summary>
    private static ImmutableArray<(StepDefinition Step, StepRequest? User)> ValidateUserSteps(
        Node node, ImmutableArray<StepRequest> requested, ImmutableArray<StepDefinition> driverSteps, StepKind kind, bool skipMissing)
    {
        if (requested.IsDefaultOrEmpty)
        {
            return [];
        }

        var name = kind.ToString().ToLowerInvariant();
        var errors = new List<string>();
        var result = ImmutableArray.CreateBuilder<(StepDefinition, StepRequest?)>();
        foreach (var user in requested)
        {
            var definition = driverSteps.FirstOrDefault(s => s.Interface == user.Interface && s.Step == user.Step);
            if (definition is null)
            {
                if (!skipMissing)
                {
                    errors.Add($"node does not support this {name} step: {user}");
                }

                continue;
            }

            var argsInfo = definition.ArgsInfo ?? ImmutableDictionary<string, bool>.Empty;
            var given = user.Args?.Keys ?? [];
            var unexpected = given.Where(a => !argsInfo.ContainsKey(a)).ToList();
            if (unexpected.Count > 0)
            {
                errors.Add($"{name} step {user} has these unexpected arguments: {string.Join(", ", unexpected)}");
            }

            if (kind != StepKind.Deploy || user.Priority > 0)
            {
                var missing = argsInfo.Where(a => a.Value && !given.Contains(a.Key)).Select(a => a.Key).ToList();
                if (missing.Count > 0)
                {
                    errors.Add($"{name} step {user} is missing these required arguments: {string.Join(", ", missing)}");
                }

                if (node.DisableRamdisk && definition.RequiresRamdisk)
                {
                    errors.Add($"clean step {user} requires booting a ramdisk");
                }
            }

            if (kind == StepKind.Deploy && user.Priority > 0 && definition is { Interface: "deploy", Step: "deploy" })
            {
                errors.Add(
                    $"deploy step {user.Step} on interface {user.Interface} is a core step and cannot be overridden by user steps. " +
                    "It may be disabled by setting the priority to 0");
            }

            result.Add((definition, user));
        }

        if (kind == StepKind.Deploy)
        {
            errors.AddRange(requested
                .GroupBy(s => (s.Interface, s.Step))
                .Where(g => g.Count() > 1)
                .Select(g => $"Duplicate deploy steps for {g.Key.Interface}.{g.Key.Step}. Deploy steps must be unique."));
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
            ValidateUserSteps(node, node.RequestedSteps, node.Hardware.CleanSteps, StepKind.Service, skipMissing: false);
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
