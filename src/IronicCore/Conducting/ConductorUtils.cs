using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>
/// The conductor's side of <see cref="IConductorUtils"/>, each call handed to the part that owns it;
/// and Ironic's <c>abort_on_conductor_take_over</c> from <c>conductor/utils.py</c>.
/// </summary>
internal sealed class ConductorUtils(ConductorContext context) : IConductorUtils
{
    public ConductorOptions Options => context.Options;

    public ReleaseProfile Profile => context.Profile;

    public IMaintenancePolicy MaintenancePolicy => context.MaintenancePolicy;

    public DateTimeOffset Now => context.Clock.GetUtcNow();

    public void Reserve(Node node) => context.Tasks.Reserve(node);

    /// <summary>
    /// The heartbeat's lock ends when its driver calls do: at once, or after the simulated time they
    /// took (a BMC's answers, an agent that does not answer), as a worker's does.
    /// </summary>
    public void Release(Node node)
    {
        var elapsed = context.Nodes.TaskOf(node).Elapsed;
        if (elapsed > TimeSpan.Zero)
        {
            context.Clock.Schedule(elapsed, context.Handler, (int)Worker.ReleaseLock, node.Index, 0);
        }
        else
        {
            TaskManager.Release(node);
        }
    }

    public void ProcessEvent(Node node, ProvisionEvent @event) => context.Tasks.Fire(node, @event);

    public void NodePowerAction(Node node, PowerState action) => context.Power.NodePowerAction(node, action);

    public void PowerOffToChangeBoot(Node node) => context.Power.PowerOffToChangeBoot(node);

    public void PowerOnAfterBootChange(Node node) => context.Power.PowerOnAfterBootChange(node);

    public void PopulateStorageInfo(Node node) => BootVolumes.Check(context, node);

    public bool IsFastTrack(Node node) => context.Steps.IsFastTrack(node);

    public void RescuingFailed(Node node, string error) => context.Rescue.RescuingFailed(node, error);

    public void PrepareRamdisk(Node node) => context.Steps.PrepareRamdisk(node);

    public void RebootToFinishStep(Node node) => context.Steps.DriverSteps.RebootToFinishStep(node);

    public void StartAgentCommand(Node node, StepReference step) => context.Steps.StartAgentCommand(node, step);

    public void StepsFailed(Node node, string error) => context.StepErrors.StepsFailed(node, error);

    public void SetSteps(Node node)
    {
        if (node.IsServicing())
        {
            context.Servicing.SetServiceSteps(node);
        }
        else
        {
            context.Cleaning.SetCleaningSteps(node, atFirstHeartbeat: true);
        }
    }

    public bool RestartCleaningSteps(Node node) => context.Cleaning.SetCleaningSteps(node, atFirstHeartbeat: false, driverSteps: true);

    public void ResumeSteps(Node node) => context.Steps.ResumeSteps(node);

    public void ContinueSteps(Node node) => context.Steps.ContinueSteps(node);

    public void DeployFailed(Node node, string error) => context.Deployment.DeployFailed(node, error);

    public void SetFailedState(Node node, string error) => context.Deployment.SetFailedState(node, error);

    public void ResumeDeploy(Node node, bool stepsJustLoaded) => context.Deployment.Resume(node, stepsJustLoaded);

    public void ValidateDeploySteps(Node node) => context.TemplateSteps.ValidateDeploySteps(node);

    /// <summary>
    /// Ironic's <c>abort_on_conductor_take_over</c> (from <c>_check_orphan_nodes</c>): the lock
    /// goes; out of maintenance, a deployment or cleaning fails through its error handler.
    /// </summary>
    /// <returns>Whether the node's operation was aborted.</returns>
    public bool AbortOnConductorTakeOver(Node node)
    {
        const string error = "Operation was aborted due to conductor take over";
        TaskManager.Release(node);
        if (node.Maintenance)
        {
            return false;
        }

        switch (node.ProvisionState)
        {
            case ProvisionState.Deploying or ProvisionState.WaitCallBack:
                context.Deployment.DeployFailed(node, error);
                return true;
            case ProvisionState.Cleaning or ProvisionState.CleanWait:
                context.StepErrors.StepsFailed(node, error);
                return true;
            default:
                return false;
        }
    }
}
