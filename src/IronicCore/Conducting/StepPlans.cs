using System.Collections.Frozen;
using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's <c>conductor/steps.py</c>: which steps an operation runs and in what order (the
/// driver's and the agent's, priorities overridden by the options, the user's steps checked
/// against them). Plans that depend only on the driver and the options are worked out once.
/// </summary>
internal sealed class StepPlans(ConductorContext context)
{
    private static readonly FrozenSet<string> ReservedStepNames = FrozenSet.ToFrozenSet(["hold", "wait", "power_on", "power_off", "reboot"]);

    private readonly Dictionary<(Drivers.NodeDriver, ImmutableArray<StepDefinition>), ImmutableArray<(StepDefinition, StepRequest?)>> agentCleanPlans = [];
    private readonly Dictionary<Drivers.NodeDriver, ImmutableArray<(StepDefinition, StepRequest?)>> automatedCleanSteps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Drivers.NodeDriver, ImmutableArray<StepDefinition>> withInBandDeploySteps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Drivers.NodeDriver, ImmutableArray<(StepDefinition, StepRequest?)>> deploySteps = new(ReferenceEqualityComparer.Instance);

    private IronicRelease Release => context.Release;

    /// <summary>The driver's deploy steps in running order, worked out once per driver.</summary>
    public ImmutableArray<(StepDefinition Step, StepRequest? User)> DefaultDeploySteps(Node node)
    {
        var driver = context.Nodes.DriverOf(node);
        if (!deploySteps.TryGetValue(driver, out var steps))
        {
            steps = WithUserSteps(driver.DeploySteps, []);
            deploySteps.Add(driver, steps);
        }

        return steps;
    }

    /// <summary>The driver's steps with the user's overrides (priority 0 disables one), by priority then interface rank.</summary>
    public ImmutableArray<(StepDefinition Step, StepRequest? User)> WithUserSteps(
        ImmutableArray<StepDefinition> driverSteps, ImmutableArray<StepRequest> user) =>
        [.. driverSteps
            .Select(step => (Step: step, User: (StepRequest?)user.FirstOrDefault(u => u.Interface == step.Interface && u.Step == step.Step)))
            .Where(s => (s.User?.Priority ?? s.Step.Priority) > 0 && !IsDisallowed(DisallowedSteps(StepKind.Deploy), s.Step.Interface, s.Step.Step))
            .OrderByDescending(s => s.User?.Priority ?? s.Step.Priority)
            .ThenByDescending(s => StepOrder.InterfaceRank(s.Step.Interface, Release))];

    /// <summary>
    /// Ironic's <c>set_node_deployment_steps</c>: the request's and the deploy templates' steps over
    /// the node's deploy steps (the agent's in-band ones once known), by priority.
    /// </summary>
    public ImmutableArray<(StepDefinition Step, StepRequest? User)> DeploymentSteps(Node node)
    {
        var user = context.TemplateSteps.WithTemplateSteps(node, node.RequestedSteps);
        return user.IsDefaultOrEmpty ? DefaultDeploySteps(node) : WithUserSteps(AllDeploySteps(node), user);
    }

    /// <summary>
    /// All deploy steps the node has (Ironic's <c>CustomAgentDeploy.get_deploy_steps</c>): its
    /// interfaces' own, and once the agent's are cached, its in-band ones that no out-of-band step
    /// of the same name shadows.
    /// </summary>
    public ImmutableArray<StepDefinition> AllDeploySteps(Node node)
    {
        var driver = context.Nodes.DriverOf(node);
        if (!driver.UsesAgent || !node.AgentDeployStepsCached)
        {
            return driver.DeploySteps;
        }

        // The agent's list is fixed, so each driver's merged list is made once: every deployment asks.
        if (!withInBandDeploySteps.TryGetValue(driver, out var steps))
        {
            steps = [.. driver.DeploySteps, .. Agent.IpaDeploySteps.Default.Where(s => !driver.DeploySteps.Any(d => d.Interface == s.Interface && d.Step == s.Step))];
            withInBandDeploySteps.Add(driver, steps);
        }

        return steps;
    }

    /// <summary>All clean steps the node has: its interfaces' own, and the agent's reported ones for the deploy interface.</summary>
    public ImmutableArray<StepDefinition> AllCleanSteps(Node node)
    {
        var driver = context.Nodes.DriverOf(node);
        return driver.UsesAgent && node.AgentCachedCleanSteps is { } agentSteps
            ? [.. driver.CleanSteps, .. agentSteps.Where(s => s.Interface == "deploy").Select(s => s.WithPriority(OverriddenPriority(s)))]
            : driver.CleanSteps;
    }

    /// <summary>
    /// All service steps the node has (Ironic's <c>_get_service_steps</c>): its interfaces' own,
    /// and with an agent deploy interface every step the agent reported, whatever its interface.
    /// </summary>
    public ImmutableArray<StepDefinition> AllServiceSteps(Node node)
    {
        var driver = context.Nodes.DriverOf(node);
        return driver.UsesAgent && node.AgentCachedCleanSteps is { } agentSteps ? [.. driver.ServiceSteps, .. agentSteps] : driver.ServiceSteps;
    }

    /// <summary>
    /// The driver's steps with a priority, highest first, interface rank breaking ties as in
    /// Ironic; worked out once per driver (and agent step list), as they depend only on those and the options.
    /// </summary>
    public ImmutableArray<(StepDefinition Step, StepRequest? User)> AutomatedCleanSteps(Node node)
    {
        var driver = context.Nodes.DriverOf(node);
        if (driver.UsesAgent)
        {
            // Keyed by the reported list itself: agents reporting the same steps share one plan.
            var key = (driver, node.AgentCachedCleanSteps ?? []);
            if (!agentCleanPlans.TryGetValue(key, out var plan))
            {
                plan = Prioritised(AllCleanSteps(node));
                agentCleanPlans.Add(key, plan);
            }

            return plan;
        }

        if (!automatedCleanSteps.TryGetValue(driver, out var steps))
        {
            steps = Prioritised([.. driver.CleanSteps.Select(s => s.WithPriority(OverriddenPriority(s)))]);
            automatedCleanSteps.Add(driver, steps);
        }

        return steps;
    }

    /// <summary>
    /// A step name 2025.1 and master reserve for the conductor: <c>_validate_user_steps</c> skips it
    /// and leaves it out, for every kind of step (for deploy steps it shows only once nothing is left
    /// for the agent to report: validation at the start skips a missing step anyway).
    /// </summary>
    public bool IsReservedStep(StepRequest user) =>
        context.Profile.SkipsReservedSteps && ReservedStepNames.Contains(user.Step);

    /// <summary>
    /// Ironic's <c>_validate_user_steps</c>: each user step must name a driver step (unless
    /// <paramref name="skipMissing"/>: the agent may report it later), with no unexpected and
    /// no missing arguments; the core <c>deploy.deploy</c> step can only be disabled. All
    /// errors are reported together.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="requested">The user's steps.</param>
    /// <param name="driverSteps">The steps the driver (and agent) have.</param>
    /// <param name="kind">Which steps.</param>
    /// <param name="skipMissing">Whether a step the driver lacks is left for the agent to report.</param>
    /// <param name="validatedBefore">
    /// The driver's steps an earlier pass already matched the user's steps to: Ironic's validation
    /// writes the driver step's <c>abortable</c> and <c>priority</c> into the user's dictionary, so
    /// a second pass quotes it with them.
    /// </param>
    /// <param name="errorPrefix">What Ironic's caller puts before the joined errors (its <c>error_prefix</c>), or null.</param>
    public ImmutableArray<(StepDefinition Step, StepRequest? User)> ValidateUserSteps(
        Node node, ImmutableArray<StepRequest> requested, ImmutableArray<StepDefinition> driverSteps, StepKind kind, bool skipMissing,
        ImmutableArray<StepDefinition> validatedBefore = default, string? errorPrefix = null)
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
            // Master reserves hold, wait, power_on, power_off and reboot: validation skips the
            // driver lookup for them, and (in the Ironic this follows) leaves them out of the
            // stored list, so they do not run although the documentation says they do.
            if (IsReservedStep(user))
            {
                continue;
            }

            var definition = driverSteps.FirstOrDefault(s => s.Interface == user.Interface && s.Step == user.Step);
            if (definition is null)
            {
                if (!skipMissing)
                {
                    errors.Add($"node does not support this {name} step: {user}");
                }

                continue;
            }

            var shown = kind != StepKind.Deploy && !validatedBefore.IsDefaultOrEmpty && validatedBefore.Contains(definition)
                ? user.Describe(definition.Abortable, definition.Priority)
                : user.ToString();
            var declared = definition.Arguments.ToList();
            var given = user.ArgNames.ToList();
            // Ironic takes the difference of two sets; the user's order stands in for a set's.
            var unexpected = given.Where(a => !declared.Exists(d => d.Name == a)).ToList();
            if (unexpected.Count > 0)
            {
                errors.Add($"{name} step {shown} has these unexpected arguments: {string.Join(", ", unexpected)}");
            }

            if (kind != StepKind.Deploy || user.Priority > 0)
            {
                var missing = declared
                    .Where(a => a.Required && !given.Contains(a.Name))
                    .Select(a => a.Description is { } description ? $"{a.Name} ({description})" : a.Name)
                    .ToList();
                if (missing.Count > 0)
                {
                    errors.Add($"{name} step {shown} is missing these required arguments: {string.Join(", ", missing)}");
                }

                if (node.DisableRamdisk && definition.RequiresRamdisk)
                {
                    errors.Add($"{name} step {shown} requires booting a ramdisk");
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
            // Ironic's _validate_deploy_steps_unique, over the steps that validated; it joins a set
            // of "interface.step" names, in no fixed order: the steps' own order stands in for it.
            var duplicates = result
                .GroupBy(s => (s.Item1.Interface, s.Item1.Step))
                .Where(g => g.Count() > 1)
                .Select(g => $"{g.Key.Interface}.{g.Key.Step}")
                .ToList();
            if (duplicates.Count > 0)
            {
                errors.Add(
                    "deploy steps from all deploy templates matching this node's instance traits cannot have the same interface " +
                    $"and step. Duplicate deploy steps for {string.Join(", ", duplicates)}");
            }
        }

        return errors.Count == 0
            ? result.ToImmutable()
            : throw new InvalidParameterValueException(errorPrefix + string.Join("; ", errors));
    }

    /// <summary>The operator's <c>[api] disallow_*_steps</c> for <paramref name="kind"/>, as <c>"interface.step"</c> names (none in 21.4).</summary>
    public ImmutableArray<string> DisallowedSteps(StepKind kind)
    {
        var api = context.Options.Api;
        return kind switch
        {
            StepKind.Clean => api.DisallowCleanSteps,
            StepKind.Deploy => api.DisallowDeploySteps,
            _ => api.DisallowServiceSteps,
        };
    }

    /// <summary>Whether <c>"interface.step"</c> is one of <paramref name="disallowed"/>, without building the name.</summary>
    public static bool IsDisallowed(ImmutableArray<string> disallowed, string stepInterface, string step)
    {
        foreach (var name in disallowed)
        {
            if (name.Length == stepInterface.Length + 1 + step.Length && name.StartsWith(stepInterface, StringComparison.Ordinal)
                && name[stepInterface.Length] == '.' && name.EndsWith(step, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Automated cleaning's steps: those with a priority and not disallowed (master's <c>_do_node_clean</c> filters them silently).</summary>
    private ImmutableArray<(StepDefinition Step, StepRequest? User)> Prioritised(ImmutableArray<StepDefinition> steps) =>
        [.. steps
            .Where(s => s.Priority > 0 && !IsDisallowed(DisallowedSteps(StepKind.Clean), s.Interface, s.Step))
            .OrderByDescending(s => s.Priority)
            .ThenByDescending(s => StepOrder.InterfaceRank(s.Interface, Release))
            .Select(s => (s, (StepRequest?)null))];

    /// <summary>The priority after <c>[deploy] erase_devices(_metadata)_priority</c> and <c>[conductor] clean_step_priority_override</c>.</summary>
    private int OverriddenPriority(StepDefinition step)
    {
        var options = context.Options;
        var priority = (step.Interface, step.Step) switch
        {
            ("deploy", "erase_devices") => options.Deploy.EraseDevicesPriority ?? step.Priority,
            ("deploy", "erase_devices_metadata") => options.Deploy.EraseDevicesMetadataPriority ?? step.Priority,
            _ => step.Priority,
        };
        return options.CleanStepPriorityOverride.TryGetValue($"{step.Interface}.{step.Step}", out var overridden) ? overridden : priority;
    }
}
