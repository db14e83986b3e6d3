using System.Collections.Frozen;
using System.Collections.Immutable;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore;

/// <summary>Cleaning (Ironic's <c>conductor/cleaning.py</c>): automated after provide and undeploy, manual on request.</summary>
public sealed partial class Conductor
{
    /// <summary>
    /// Ironic's <c>do_node_clean</c>: skip or refuse, boot the ramdisk agent when the steps
    /// run in-band (then wait for its first heartbeat), else work out the steps and run them.
    /// </summary>
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
            StepsFailed(node, "Cleaning a node in maintenance mode is not allowed", tearDown: false);
            return;
        }

        WipeStepInfo(node);
        var userSteps = manual || IsDeclarativeCleaning(node);
        node.StepsDisableRamdisk = userSteps && node.DisableRamdisk;
        if (node.Hardware.UsesAgent && !node.StepsDisableRamdisk)
        {
            if (!IsFastTrack(node))
            {
                // Ironic's prepare_inband_cleaning: boot the agent; its first heartbeat starts the steps.
                if (!PrepareRamdisk(node, out var error))
                {
                    StepsFailed(node, $"Failed to prepare node {node.Uuid} for cleaning: {error}");
                    return;
                }

                NodePowerAction(node, PowerState.Rebooting);
                Fire(node, ProvisionEvent.Wait, manual ? ProvisionState.Manageable : null);
                return;
            }

            // Fast track: the agent is up already; ask it for its steps now.
            node.AgentCachedCleanSteps = machines[node.Index].Agent.CleanSteps;
        }

        if (SetCleaningSteps(node, atFirstHeartbeat: false))
        {
            DoNextStep(node, node.StepPlan.IsEmpty ? null : 0);
        }
    }

    /// <summary>
    /// Ironic's <c>set_node_cleaning_steps</c>: the user's steps, validated, for a manual clean or a
    /// runbook's automated clean, else the drivers'; a validation error fails the cleaning, worded
    /// as Ironic words it at the start of cleaning or at the agent's first heartbeat.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="atFirstHeartbeat">Whether the agent's first heartbeat asks.</param>
    /// <param name="driverSteps">
    /// The drivers' steps whatever the node's cleaning: Ironic's restart of an automated clean after
    /// the agent's version changed, which drops a runbook's steps.
    /// </param>
    private bool SetCleaningSteps(Node node, bool atFirstHeartbeat, bool driverSteps = false)
    {
        try
        {
            node.StepPlan = !driverSteps && (node.TargetProvisionState == ProvisionState.Manageable || IsDeclarativeCleaning(node))
                ? ValidateUserSteps(node, node.RequestedSteps, AllCleanSteps(node), StepKind.Clean, skipMissing: false)
                : AutomatedCleanSteps(node);
            node.CleanStep = null;
            node.StepIndex = null;
            return true;
        }
        catch (InvalidParameterValueException error)
        {
            StepsFailed(node, atFirstHeartbeat
                ? $"Node failed to start the first cleaning step: {error.Reason}"
                : $"Cannot clean node {node.Uuid}: {error.Reason}");
            return false;
        }
    }

    /// <summary>
    /// The end of cleaning (Ironic's tail of <c>do_next_clean_step</c>): tear down unless the
    /// agent stays for fast track, then <c>available</c> (or <c>manageable</c> after a manual or
    /// a retired node's clean).
    /// </summary>
    private void FinishCleaning(Node node)
    {
        var manual = node.TargetProvisionState == ProvisionState.Manageable;
        node.CleanStep = null;
        node.RequestedSteps = [];
        var inBand = node.Hardware.UsesAgent && !node.StepsDisableRamdisk;
        var fastTrack = IsFastTrack(node);
        WipeStepInfo(node, keepAgent: fastTrack);
        if (inBand && !fastTrack)
        {
            TearDownInband(node);
        }

        Fire(node, manual || node.Retired ? ProvisionEvent.Manage : ProvisionEvent.Done);
    }

    /// <summary>All clean steps the node has: its interfaces' own, and the agent's reported ones for the deploy interface.</summary>
    private ImmutableArray<StepDefinition> AllCleanSteps(Node node) =>
        node.Hardware.UsesAgent && node.AgentCachedCleanSteps is { } agentSteps
            ? [.. node.Hardware.CleanSteps, .. agentSteps.Where(s => s.Interface == "deploy").Select(s => s.WithPriority(OverriddenPriority(s)))]
            : node.Hardware.CleanSteps;

    /// <summary>The priority after <c>[deploy] erase_devices(_metadata)_priority</c> and <c>[conductor] clean_step_priority_override</c>.</summary>
    private int OverriddenPriority(StepDefinition step)
    {
        var priority = (step.Interface, step.Step) switch
        {
            ("deploy", "erase_devices") => Options.Deploy.EraseDevicesPriority ?? step.Priority,
            ("deploy", "erase_devices_metadata") => Options.Deploy.EraseDevicesMetadataPriority ?? step.Priority,
            _ => step.Priority,
        };
        return Options.CleanStepPriorityOverride.TryGetValue($"{step.Interface}.{step.Step}", out var overridden) ? overridden : priority;
    }

    /// <summary>
    /// Ironic's <c>is_fast_track</c>: <c>[deploy] fast_track</c> on, the agent heard from within
    /// <c>fast_track_timeout</c>, and the machine on: the agent is reused instead of rebooted.
    /// </summary>
    private bool IsFastTrack(Node node) =>
        Options.Deploy.FastTrack
        && node.AgentUrl is not null
        && node.AgentLastHeartbeat is { } last && Clock.GetUtcNow() - last < Options.Deploy.FastTrackTimeout
        && node.PowerState == PowerState.PowerOn;

    private bool SkipsAutomatedCleaning(Node node) => !(node.AutomatedClean ?? Options.AutomatedClean);

    /// <summary>
    /// The driver's steps with a priority, highest first, interface rank breaking ties as in
    /// Ironic; worked out once per hardware type, as they depend only on it and the options.
    /// </summary>
    private ImmutableArray<(StepDefinition Step, StepRequest? User)> AutomatedCleanSteps(Node node)
    {
        if (node.Hardware.UsesAgent)
        {
            // Keyed by the reported list itself: agents reporting the same steps share one plan.
            var key = (node.Hardware, node.AgentCachedCleanSteps ?? []);
            if (!agentCleanPlans.TryGetValue(key, out var plan))
            {
                plan = Prioritised(AllCleanSteps(node));
                agentCleanPlans.Add(key, plan);
            }

            return plan;
        }

        if (!automatedCleanSteps.TryGetValue(node.Hardware, out var steps))
        {
            steps = Prioritised([.. node.Hardware.CleanSteps.Select(s => s.WithPriority(OverriddenPriority(s)))]);
            automatedCleanSteps.Add(node.Hardware, steps);
        }

        return steps;
    }

    private ImmutableArray<(StepDefinition Step, StepRequest? User)> Prioritised(ImmutableArray<StepDefinition> steps) =>
        [.. steps
            .Where(s => s.Priority > 0)
            .OrderByDescending(s => s.Priority)
            .ThenByDescending(s => StepOrder.InterfaceRank(s.Interface, Release))
            .Select(s => (s, (StepRequest?)null))];

    private static readonly FrozenSet<string> ReservedStepNames = FrozenSet.ToFrozenSet(["hold", "wait", "power_on", "power_off", "reboot"]);

    private bool IsMaster => Release == IronicRelease.Master;

    /// <summary>A step name master reserves for the conductor (not for deploy steps): validation skips it and leaves it out.</summary>
    private bool IsReservedStep(StepRequest user, StepKind kind) =>
        IsMaster && kind != StepKind.Deploy && ReservedStepNames.Contains(user.Step);

    /// <summary>
    /// Ironic's <c>_validate_user_steps</c>: each user step must name a driver step (unless
    /// <paramref name="skipMissing"/>: the agent may report it later), with no unexpected and
    /// no missing arguments; the core <c>deploy.deploy</c> step can only be disabled. All
    /// errors are reported together.
    /// </summary>
    private ImmutableArray<(StepDefinition Step, StepRequest? User)> ValidateUserSteps(
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
            // Master reserves hold, wait, power_on, power_off and reboot: validation skips the
            // driver lookup for them, and (in the Ironic this follows) leaves them out of the
            // stored list, so they do not run although the documentation says they do.
            if (IsReservedStep(user, kind))
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
                    errors.Add($"{name} step {user} requires booting a ramdisk");
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
}
