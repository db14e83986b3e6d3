using IronicCore.Nodes;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Conductor;

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
        if (worker == Worker.PeriodicTick)
        {
            periodics.RunDue();
            return;
        }

        if (nodes[scheduled.Subject] is not { } node)
        {
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
            Unreserve(node);
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
            case Worker.Inspect or Worker.Adopt or Worker.Rescue or Worker.Unrescue:
                // The fake interfaces inspect, take over, rescue and unrescue at once.
                Fire(node, ProvisionEvent.Done);
                break;
            case Worker.CleanAbort:
                node.CleanStep = null;
                node.AbortAfterCleanStep = false;
                break;
            case Worker.RescueAbort:
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

    /// <summary>Ironic's <c>do_node_verify</c>: the power credentials work, or the node goes back to <c>enroll</c>.</summary>
    private void Verify(Node node)
    {
        PowerState? power;
        try
        {
            node.Hardware.Power.Validate(node);
            power = node.Hardware.Power.GetPowerState(node);
        }
        catch (IronicException error)
        {
            node.LastError = $"Failed to get power state for node {node.Uuid}. Error: {error.Message}";
            Fire(node, ProvisionEvent.Fail);
            return;
        }

        node.PowerState = power;
        Fire(node, ProvisionEvent.Done);
    }

    private void Deploy(Node node)
    {
        // The fake deploy interface's one deploy step, deploy.deploy (priority 100), returns at once.
        foreach (var step in node.Hardware.DeploySteps)
        {
            node.DeployStep = step.Reference;
        }

        node.DeployStep = null;
        Fire(node, ProvisionEvent.Done);
    }

    /// <summary>Ironic's <c>_do_node_tear_down</c>: clean up the instance, then automated cleaning.</summary>
    private void TearDown(Node node)
    {
        node.InstanceUuid = null;
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
