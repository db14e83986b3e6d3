using System.Collections.Immutable;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Simulation;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore;

/// <summary>
/// Workers: what Ironic runs in a spawned thread after answering 202. Here each is an event on
/// the clock, due at once; the node stays reserved until it has run.
/// </summary>
public sealed partial class Conductor
{
    /// <summary>Runs a scheduled worker or periodic tick. Called by <see cref="Clock"/>; not for callers.</summary>
    void ISimulationEventHandler.Handle(in ScheduledEvent scheduled)
    {
        var worker = (Worker)scheduled.Kind;
        var outer = cause;
        cause = worker switch
        {
            Worker.PeriodicTick => TransitionCause.Periodic,
            Worker.Heartbeat or Worker.AgentBoot or Worker.AgentHeartbeat or Worker.AgentDelayedHeartbeat or Worker.AgentCommandDone
                => TransitionCause.Heartbeat,
            _ => TransitionCause.Worker,
        };
        try
        {
            Handle(worker, scheduled);
        }
        finally
        {
            cause = outer;
        }
    }

    private void Handle(Worker worker, in ScheduledEvent scheduled)
    {
        if (worker == Worker.PeriodicTick)
        {
            periodics.RunDue();
            return;
        }

        if (nodes[scheduled.Subject] is not { } node)
        {
            return;
        }

        if (worker == Worker.ReleaseLock)
        {
            Unreserve(node);
            return;
        }

        var task = TaskOf(node);
        task.Begin();

        if (worker is Worker.AgentBoot or Worker.AgentHeartbeat or Worker.AgentDelayedHeartbeat or Worker.AgentCommandDone)
        {
            RunAgent(node, worker, scheduled.Token);
            return;
        }

        if (worker == Worker.Heartbeat)
        {
            // A heartbeat holds no lock while it waits: its worker takes one, or drops the heartbeat.
            ProcessHeartbeat(node);
            return;
        }

        try
        {
            Run(node, worker, scheduled.Token);
        }
        catch (IronicException error)
        {
            // A worker's failure is logged by Ironic, and lands in last_error only if nothing said why.
            node.LastError ??= error.Message;
        }
        finally
        {
            // The worker's driver calls took simulated time (a BMC's answers, waits for the power
            // to change): Ironic's worker thread holds the lock that long, so the node stays
            // reserved until an event at the end of that time.
            if (task.Elapsed > TimeSpan.Zero)
            {
                Clock.Schedule(task.Elapsed, this, (int)Worker.ReleaseLock, node.Index, 0);
            }
            else
            {
                Unreserve(node);
            }
        }
    }

    /// <summary>Fires the request's event with a worker to follow, and schedules the worker now.</summary>
    private void SpawnWorker(Node node, ProvisionEvent @event, Worker worker, ProvisionState? target = null, string? lastError = null)
    {
        Fire(node, @event, target, spawnsWorker: true, lastError: lastError);
        Schedule(node, worker, 0);
    }

    private void Schedule(Node node, Worker worker, long argument)
    {
        Reserve(node);
        Clock.Schedule(TimeSpan.Zero, this, (int)worker, node.Index, argument);
    }

    private void Run(Node node, Worker worker, long argument)
    {
        switch (worker)
        {
            case Worker.Verify:
                Verify(node);
                break;
            case Worker.AutomatedClean:
                Clean(node, manual: false);
                break;
            case Worker.ManualClean:
                Clean(node, manual: true);
                break;
            case Worker.Deploy:
                Deploy(node);
                break;
            case Worker.TearDown:
                TearDown(node);
                break;
            case Worker.Unrescue:
                node.RescuePassword = null;
                if (node.Hardware.RescueInterface == "agent")
                {
                    // Ironic's AgentRescue.unrescue: off, the instance's boot back, on.
                    PowerOffToChangeBoot(node);
                    node.Hardware.PrepareInstanceBoot(TaskOf(node));
                    PowerOnAfterBootChange(node);
                }

                Fire(node, ProvisionEvent.Done);
                break;
            case Worker.Rescue when node.Hardware.RescueInterface == "agent":
                RescueWithAgent(node);
                break;
            case Worker.Inspect or Worker.Adopt or Worker.Rescue:
                // The fake interfaces inspect, take over, rescue and unrescue at once.
                Fire(node, ProvisionEvent.Done);
                break;
            case Worker.CleanAbort:
                if (node.Hardware.UsesAgent && !node.StepsDisableRamdisk)
                {
                    TearDownInband(node);
                }

                node.CleanStep = null;
                node.AbortAfterStep = false;
                WipeStepInfo(node);
                break;
            case Worker.RescueAbort:
                node.Hardware.Boot.CleanUpRamdisk(TaskOf(node));
                break;
            case Worker.DeployAbort:
                DeployAbort(node);
                break;
            case Worker.Service:
                Service(node);
                break;
            case Worker.PowerAction:
                NodePowerAction(node, (PowerState)argument);
                break;
            default:
                throw new InvalidOperationException($"Unknown worker {worker}.");
        }
    }

    /// <summary>
    /// Ironic's <c>AgentRescue.rescue</c>: off, the rescue ramdisk's boot prepared, on; the agent's
    /// first heartbeat in <c>rescue wait</c> finalizes the rescue.
    /// </summary>
    private void RescueWithAgent(Node node)
    {
        PowerOffToChangeBoot(node);
        node.Hardware.Boot.CleanUpInstance(TaskOf(node));
        if (!PrepareRamdisk(node, out var error))
        {
            RecordHistory(node, $"Failed to rescue instance for node {node.Uuid}: {error}", "rescuing");
            Fire(node, ProvisionEvent.Fail);
            return;
        }

        PowerOnAfterBootChange(node);
        Fire(node, ProvisionEvent.Wait);
    }

    /// <summary>Ironic's <c>do_node_verify</c>: the power credentials work, or the node goes back to <c>enroll</c>.</summary>
    private void Verify(Node node)
    {
        PowerState? power;
        try
        {
            node.Hardware.Power.Validate(TaskOf(node));
            power = node.Hardware.Power.GetPowerState(TaskOf(node));
        }
        catch (IronicException error)
        {
            RecordHistory(node, $"Failed to get power state for node {node.Uuid}. Error: {error.Message}", "verifying");
            Fire(node, ProvisionEvent.Fail);
            return;
        }

        node.PowerState = power;
        Fire(node, ProvisionEvent.Done);
    }

    /// <summary>
    /// Ironic's <c>do_node_deploy</c>: the driver's deploy steps, with the user's overriding
    /// their priority or arguments (priority 0 disables one), run by priority; no step left
    /// is a failure.
    /// </summary>
    private void Deploy(Node node)
    {
        var user = node.RequestedSteps;
        node.RequestedSteps = [];
        node.DeployPlan = user.IsDefaultOrEmpty ? DefaultDeploySteps(node) : WithUserSteps(node.Hardware.DeploySteps, user);
        node.DeployPrepared = true;
        if (node.DeployPlan.IsEmpty)
        {
            DeployFailed(node, "No deploy steps returned by the driver");
            return;
        }

        DoNextDeployStep(node, 0);
    }

    /// <summary>
    /// Ironic's <c>do_next_deploy_step</c>. With the direct deploy interface, <c>deploy.deploy</c>
    /// boots the agent and <c>write_image</c> runs in it: the node waits in <c>wait call-back</c>
    /// for the agent's heartbeats.
    /// </summary>
    private void DoNextDeployStep(Node node, int? index)
    {
        for (var i = index ?? node.DeployPlan.Length; i < node.DeployPlan.Length; i++)
        {
            var (step, request) = node.DeployPlan[i];
            node.DeployStep = step.Reference;
            node.DeployStepIndex = i;
            if (node.Hardware.UsesAgent && step is { Interface: "deploy", Step: "deploy" or "write_image" })
            {
                if (step.Step == "deploy")
                {
                    if (!PrepareRamdisk(node, out var error))
                    {
                        DeployFailed(node, $"Deploy step {step.Reference} failed: {error}");
                        return;
                    }

                    NodePowerAction(node, PowerState.Rebooting);
                }
                else if (!node.DeployPrepared)
                {
                    // Placed in wait call-back without a deploy having prepared it: no image URL.
                    DeployFailed(node, $"Deploy step {step.Reference} failed with KeyError: 'image_url'.");
                    return;
                }
                else
                {
                    StartAgentCommand(node, step.Reference);
                }

                Fire(node, ProvisionEvent.Wait);
                return;
            }

            if (node.Hardware.RunStep(TaskOf(node), step, request) is { } failure)
            {
                var error = step.Step == "prepare_instance_boot"
                    ? $"Deploy step {step.Reference} failed: Failed to change the boot device to disk when deploying node {node.Uuid}: {failure}"
                    : $"Deploy step {step.Reference} failed: {failure}.";
                if (node.Hardware.UsesAgent)
                {
                    DeployFailedPoweringOff(node, error);
                }
                else
                {
                    DeployFailed(node, error);
                }

                return;
            }

            // With disable_power_off the agent is locked down instead of powered off, and the
            // instance is booted by a reboot.
            if (step is { Interface: "deploy", Step: "tear_down_agent" })
            {
                PowerOffToChangeBoot(node);
            }
            else if (step is { Interface: "deploy", Step: "boot_instance" })
            {
                PowerOnAfterBootChange(node);
            }
        }

        WipeDeployInfo(node);
        Fire(node, ProvisionEvent.Done);
    }

    /// <summary>Ironic's <c>set_failed_state</c>: <c>deploy failed</c>, then powered off (<c>[deploy] power_off_after_deploy_failure</c>).</summary>
    private void DeployFailedPoweringOff(Node node, string error)
    {
        DeployFailed(node, error);
        if (Options.Deploy.PowerOffAfterDeployFailure)
        {
            NodePowerAction(node, PowerState.PowerOff);
        }

        node.LastError = error;
    }

    /// <summary>The driver's deploy steps in running order, worked out once per hardware type.</summary>
    private ImmutableArray<(StepDefinition Step, StepRequest? User)> DefaultDeploySteps(Node node)
    {
        if (!deploySteps.TryGetValue(node.Hardware, out var steps))
        {
            steps = WithUserSteps(node.Hardware.DeploySteps, []);
            deploySteps.Add(node.Hardware, steps);
        }

        return steps;
    }

    /// <summary>The driver's steps with the user's overrides (priority 0 disables one), by priority then interface rank.</summary>
    private ImmutableArray<(StepDefinition Step, StepRequest? User)> WithUserSteps(
        ImmutableArray<StepDefinition> driverSteps, ImmutableArray<StepRequest> user) =>
        [.. driverSteps
            .Select(step => (Step: step, User: (StepRequest?)user.FirstOrDefault(u => u.Interface == step.Interface && u.Step == step.Step)))
            .Where(s => (s.User?.Priority ?? s.Step.Priority) > 0)
            .OrderByDescending(s => s.User?.Priority ?? s.Step.Priority)
            .ThenByDescending(s => StepOrder.InterfaceRank(s.Step.Interface, Release))];

    /// <summary>
    /// Ironic's <c>deploying_error_handler</c>: <c>deploy failed</c>, no maintenance; the deploy
    /// interface's <c>clean_up</c> undoes the ramdisk's and the instance's boot preparation.
    /// </summary>
    private void DeployFailed(Node node, string error)
    {
        RecordHistory(node, error, "deploying");
        node.Hardware.Boot.CleanUpRamdisk(TaskOf(node));
        node.Hardware.Boot.CleanUpInstance(TaskOf(node));
        WipeDeployInfo(node);
        Fire(node, ProvisionEvent.Fail);
    }

    /// <summary>
    /// Ironic's <c>wipe_deploy_internal_info</c>: the deployment's step, list and index, at its end
    /// or failure; the agent's token and URL too, unless fast track may reuse the agent.
    /// </summary>
    private void WipeDeployInfo(Node node)
    {
        if (!Options.Deploy.FastTrack)
        {
            node.AgentToken = null;
            node.AgentUrl = null;
        }

        node.DeployStep = null;
        node.DeployPlan = [];
        node.DeployStepIndex = null;
        node.DeployPrepared = false;
    }

    /// <summary>
    /// Ironic's <c>do_node_deploy_abort</c>: the deploy interface's <c>clean_up</c> (for the agent's
    /// deploy, the ramdisk's and the instance's boot; the power is left as it is), the error naming the step, the deploy's state wiped.
    /// </summary>
    private void DeployAbort(Node node)
    {
        if (node.Hardware.UsesAgent)
        {
            node.Hardware.Boot.CleanUpRamdisk(TaskOf(node));
            node.Hardware.Boot.CleanUpInstance(TaskOf(node));
        }

        node.LastError = "By request, the deploy operation was aborted"
            + (node.DeployStep is { } step ? $" during or after the completion of step \"{step}\"" : string.Empty);
        WipeDeployInfo(node);
    }

    /// <summary>Ironic's <c>_do_node_tear_down</c>: clean up the instance, then automated cleaning.</summary>
    private void TearDown(Node node)
    {
        node.Hardware.Boot.CleanUpInstance(TaskOf(node));
        node.Hardware.Boot.CleanUpRamdisk(TaskOf(node));
        node.InstanceUuid = null;
        ClearInstanceDetails(node);
        if (!TryChooseAutomatedCleaningStepsAfterTearDown(node))
        {
            return;
        }

        Fire(node, ProvisionEvent.Clean);
        Clean(node, manual: false);
    }

    private void CheckConcurrency(ConcurrencyKind kind)
    {
        var (count, limit, task) = kind switch
        {
            ConcurrencyKind.Deploy => (
                CountIn(ProvisionState.Deploying) + CountIn(ProvisionState.WaitCallBack), Options.MaxConcurrentDeploy, "provisioning"),
            _ => (
                CountIn(ProvisionState.Deleting) + CountIn(ProvisionState.Cleaning) + CountIn(ProvisionState.CleanWait),
                Options.MaxConcurrentClean,
                kind == ConcurrencyKind.Clean ? "cleaning" : "unprovisioning"),
        };
        if (count >= limit)
        {
            throw new ConcurrentActionLimitException(task, Release == IronicRelease.Master ? 503 : 500);
        }
    }

    private int CountIn(ProvisionState state) => stateCounts[(int)state];
}
