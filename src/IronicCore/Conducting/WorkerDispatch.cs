using IronicCore.Agent;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// The conductor's workers: what Ironic runs in a spawned thread after answering 202. Each is an
/// event on the clock, due at once, handed here to the part that does the work; the node stays
/// reserved until it has run, and for the simulated time its driver calls took.
/// </summary>
internal sealed class WorkerDispatch(ConductorContext context)
{
    /// <summary>Runs a scheduled worker, periodic tick or agent event, as the cause of the transitions it makes.</summary>
    public void Handle(in ScheduledEvent scheduled)
    {
        var worker = (Worker)scheduled.Kind;
        var tasks = context.Tasks;
        var outer = tasks.Cause;
        tasks.Cause = worker switch
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
            tasks.Cause = outer;
        }
    }

    private void Handle(Worker worker, in ScheduledEvent scheduled)
    {
        if (worker == Worker.PeriodicTick)
        {
            context.Periodics.RunDue();
            return;
        }

        if (context.Nodes[scheduled.Subject] is not { } node)
        {
            return;
        }

        if (worker == Worker.ReleaseLock)
        {
            TaskManager.Release(node);
            return;
        }

        var task = context.Nodes.TaskOf(node);
        task.Begin();

        if (worker is Worker.AgentBoot or Worker.AgentHeartbeat or Worker.AgentDelayedHeartbeat or Worker.AgentCommandDone)
        {
            context.Agents.Run((AgentEvent)worker, node.Index, context.Nodes.MachineAt(node.Index).Agent, scheduled.Token);
            return;
        }

        if (worker == Worker.Heartbeat)
        {
            // Ironic's manager.heartbeat spawns the deploy interface's heartbeat, which takes the
            // lock itself or drops the heartbeat: this worker holds none while it waits. What escapes
            // its error handlers (poweroff_in_cleanfail's failed power-off), Ironic's worker logs.
            try
            {
                task.Driver.Deploy.Heartbeat(task, context.Utils);
            }
            catch (IronicException error)
            {
                node.LastError ??= error.Message;
            }

            return;
        }

        try
        {
            Run(node, worker, scheduled.Token);
        }
        catch (IronicException error)
        {
            // Each worker runs Ironic's error handler for what fails inside it (a power action, the
            // agent), so the node never stays in a transitional state (WorkerFailureTests proves it
            // for every entry point). What still escapes, Ironic logs; it lands in last_error only
            // if nothing said why.
            node.LastError ??= error.Message;
        }
        finally
        {
            // The worker's driver calls took simulated time (a BMC's answers, waits for the power
            // to change): Ironic's worker thread holds the lock that long, so the node stays
            // reserved until an event at the end of that time.
            context.Utils.Release(node);
        }
    }

    private void Run(Node node, Worker worker, long argument)
    {
        switch (worker)
        {
            case Worker.Verify:
                context.Verification.DoNodeVerify(node);
                break;
            case Worker.AutomatedClean:
                context.Cleaning.DoNodeClean(node, manual: false);
                break;
            case Worker.ManualClean:
                context.Cleaning.DoNodeClean(node, manual: true);
                break;
            case Worker.CleanAbort:
                context.Cleaning.DoAbort(node);
                break;
            case Worker.Deploy:
                context.Deployment.DoNodeDeploy(node);
                break;
            case Worker.DeployAbort:
                context.Deployment.DoAbort(node);
                break;
            case Worker.TearDown:
                context.Deployment.DoNodeTearDown(node);
                break;
            case Worker.Adopt:
                context.Adoption.DoNodeAdopt(node);
                break;
            case Worker.Rescue:
                context.Rescue.DoNodeRescue(node);
                break;
            case Worker.Unrescue:
                context.Rescue.DoNodeUnrescue(node);
                break;
            case Worker.RescueAbort:
                context.Rescue.DoNodeRescueAbort(node);
                break;
            case Worker.Inspect:
                context.Inspection.DoNodeInspect(node);
                break;
            case Worker.Service:
                context.Servicing.DoNodeService(node);
                break;
            case Worker.ServiceAbort:
                context.Servicing.DoAbort(node);
                break;
            case Worker.ServiceUnhold:
                context.Servicing.ContinueAfterUnhold(node);
                break;
            case Worker.PowerAction:
                context.Power.NodePowerAction(node, (PowerState)argument);
                break;
            default:
                throw new InvalidOperationException($"Unknown worker {worker}.");
        }
    }
}
