using System.Collections.Frozen;
using System.Collections.Immutable;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conductor;

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
            CleaningFailed(node, "Cleaning a node in maintenance mode is not allowed", tearDown: false);
            return;
        }

        WipeCleaningInfo(node);
        node.CleaningDisableRamdisk = manual && node.DisableRamdisk;
        if (node.Hardware.UsesAgent && !node.CleaningDisableRamdisk)
        {
            if (!IsFastTrack(node))
            {
                // Ironic's prepare_inband_cleaning: boot the agent; its first heartbeat starts the steps.
                if (!PrepareRamdisk(node, out var error))
                {
                    CleaningFailed(node, $"Failed to prepare node {node.Uuid} for cleaning: {error}");
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
            DoNextCleanStep(node, node.CleanPlan.IsEmpty ? null : 0);
        }
    }

    /// <summary>
    /// Ironic's <c>set_node_cleaning_steps</c>; a validation error fails the cleaning, worded as
    /// Ironic words it at the start of cleaning or at the agent's first heartbeat.
    /// </summary>
    private bool SetCleaningSteps(Node node, bool atFirstHeartbeat)
    {
        try
        {
            node.CleanPlan = node.TargetProvisionState == ProvisionState.Manageable
                ? ValidateUserSteps(node, node.RequestedSteps, AllCleanSteps(node), StepKind.Clean, skipMissing: false)
                : AutomatedCleanSteps(node);
            node.CleanStep = null;
            node.CleanStepIndex = null;
            return true;
        }
        catch (InvalidParameterValueException error)
        {
            CleaningFailed(node, atFirstHeartbeat
                ? $"Node failed to start the first cleaning step: {error.Reason}"
                : $"Cannot clean node {node.Uuid}: {error.Reason}");
            return false;
        }
    }

    /// <summary>
    /// Ironic's <c>do_next_clean_step</c>: run the steps from <paramref name="index"/>; an
    /// in-band step goes to the agent and the node waits in <c>clean wait</c> for its result;
    /// after the last, tear down and finish in <c>available</c> (or <c>manageable</c>).
    /// </summary>
    private void DoNextCleanStep(Node node, int? index)
    {
        var manual = node.TargetProvisionState == ProvisionState.Manageable;
        for (var i = index ?? node.CleanPlan.Length; i < node.CleanPlan.Length; i++)
        {
            var (step, user) = node.CleanPlan[i];
            node.CleanStep = step.Reference;
            node.CleanStepIndex = i;
            node.CleanStepAbortable = step.Abortable;
            if (IsAgentStep(node, step))
            {
                try
                {
                    StartAgentCommand(node, step.Reference);
                }
                catch (AgentInProgressException)
                {
                    node.SkipCurrentCleanStep = false;
                }

                Fire(node, ProvisionEvent.Wait, manual ? ProvisionState.Manageable : null);
                return;
            }

            if (node.Hardware.RunStep(TaskOf(node), step, user) is { } failure)
            {
                CleaningFailed(node, $"Node {node.Uuid} failed step {DescribeCleanStep(node)}: {failure}");
                return;
            }
        }

        node.CleanStep = null;
        node.RequestedSteps = [];
        var inBand = node.Hardware.UsesAgent && !node.CleaningDisableRamdisk;
        var fastTrack = IsFastTrack(node);
        WipeCleaningInfo(node, keepAgent: fastTrack);
        if (inBand && !fastTrack)
        {
            TearDownInbandCleaning(node);
        }

        Fire(node, manual || node.Retired ? ProvisionEvent.Manage : ProvisionEvent.Done);
    }

    /// <summary>
    /// Ironic's <c>continue_node_clean</c> after a step finished: the next step (or the same
    /// one again when it must be re-run), unless an abort was waiting for this step to end.
    /// </summary>
    private void ContinueNodeClean(Node node)
    {
        var skipCurrent = node.SkipCurrentCleanStep;
        node.SkipCurrentCleanStep = true;
        int? next = node.CleanStep is null ? 0 : node.CleanStepIndex is { } i ? (skipCurrent ? i + 1 : i) : null;
        if (next >= node.CleanPlan.Length)
        {
            next = null;
        }

        if (node.AbortAfterCleanStep && next is not null)
        {
            var step = node.CleanStep!;
            Fire(node, ProvisionEvent.Fail, node.TargetProvisionState == ProvisionState.Manageable ? ProvisionState.Manageable : null);
            TearDownInbandCleaning(node);
            node.LastError = $"By request, the clean operation was aborted after completing step \"{step}\"";
            node.CleanStep = null;
            WipeCleaningInfo(node);
            return;
        }

        DoNextCleanStep(node, next);
    }

    /// <summary>All clean steps the node has: its interfaces' own, and the agent's reported ones for the deploy interface.</summary>
    private ImmutableArray<StepDefinition> AllCleanSteps(Node node) =>
        node.Hardware.UsesAgent && node.AgentCachedCleanSteps is { } agentSteps
            ? [.. node.Hardware.CleanSteps, .. agentSteps.Where(s => s.Interface == "deploy").Select(s => s.WithPriority(OverriddenPriority(s)))]
            : node.Hardware.CleanSteps;

    /// <summary>Whether the agent runs the step: with the direct deploy interface, every deploy-interface clean step is the agent's.</summary>
    private static bool IsAgentStep(Node node, StepDefinition step) =>
        node.Hardware.UsesAgent && step.Interface == "deploy" && !node.Hardware.CleanSteps.Contains(step);

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

    /// <summary>Ironic's <c>tear_down_inband_cleaning</c>: power off, unless a step failure left the node on for inspection.</summary>
    private void TearDownInbandCleaning(Node node)
    {
        if (node.Fault != NodeFault.CleanFailure)
        {
            NodePowerAction(node, PowerState.PowerOff);
        }

        node.Hardware.Boot.CleanUpRamdisk(TaskOf(node));
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
    /// The running clean step as Ironic's messages quote <c>clean_step</c>: the user's step with
    /// what validation added, or the driver's or agent's whole step; <c>{}</c> when none runs.
    /// </summary>
    private static string DescribeCleanStep(Node node)
    {
        if (node.CleanStep is null || node.CleanStepIndex is not { } index)
        {
            return "{}";
        }

        var (step, user) = node.CleanPlan[index];
        return user?.Describe(step.Abortable, step.Priority) ?? step.Describe();
    }

    /// <summary>Ironic's <c>wipe_cleaning_internal_info</c>; a fast-track agent keeps its token and URL.</summary>
    private void WipeCleaningInfo(Node node, bool? keepAgent = null)
    {
        if (!(keepAgent ?? IsFastTrack(node)))
        {
            node.AgentToken = null;
            node.AgentUrl = null;
        }

        node.CleanPlan = [];
        node.AgentCachedCleanSteps = null;
        node.CleanStepIndex = null;
        node.CleaningReboot = false;
        node.CleaningDisableRamdisk = false;
        node.SkipCurrentCleanStep = true;
    }

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
            if (IsMaster && kind != StepKind.Deploy && ReservedStepNames.Contains(user.Step))
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
    private void CleaningFailed(Node node, string error, bool setFailState = true, bool tearDown = true)
    {
        if (node.CleanStep is not null)
        {
            node.Fault = NodeFault.CleanFailure;
            node.Maintenance = true;
            node.MaintenanceReason ??= error;
        }

        if (tearDown && node.Hardware.UsesAgent && !node.CleaningDisableRamdisk)
        {
            TearDownInbandCleaning(node);
        }

        if (node.ProvisionState is ProvisionState.Cleaning or ProvisionState.CleanWait or ProvisionState.CleanFailed)
        {
            node.CleanStep = null;
            node.CleanStepIndex = null;
            node.AbortAfterCleanStep = false;
            node.CleaningReboot = false;
            node.SkipCurrentCleanStep = true;
            node.AgentToken = null;
            node.AgentUrl = null;
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
            ValidateUserSteps(node, node.RequestedSteps, AllCleanSteps(node), StepKind.Service, skipMissing: false);
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
