using IronicCore.States;

namespace IronicCore.Conducting.Periodic;

/// <summary>Ironic's <c>_check_deploy_timeouts</c>: a deployment fails when the agent has not called back within <c>deploy_callback_timeout</c>.</summary>
internal sealed class DeployTimeouts(ConductorContext context) : IPeriodicTask
{
    private readonly TimedOutNodes scan = new(context);

    public bool Enabled => Spacing > TimeSpan.Zero && context.Options.DeployCallbackTimeout > TimeSpan.Zero;

    public TimeSpan Spacing => context.Options.CheckProvisionStateInterval;

    public void Run()
    {
        foreach (var node in scan.Find(ProvisionState.WaitCallBack, context.Options.DeployCallbackTimeout, n => n.ProvisionUpdatedAt))
        {
            context.Tasks.Fire(node, ProvisionEvent.Fail, spawnsWorker: true);
            var error = $"Timeout reached while waiting for callback for node {node.Uuid}";
            context.History.Record(node, error, "deploying");
            CleanUp(node, error);
            context.Deployment.WipeDeployInfo(node);

            // deploying_error_handler ends with a fail event the node, failed already, does not
            // have: the worker dies on it. Its error shows when the clean-up's power action cleared
            // last_error (master's virtual media powers off, or finds the node off).
            TaskManager.WriteException(node, "cleanup_after_timeout", TaskManager.NoTransition(node.ProvisionState, "fail"));
        }
    }

    /// <summary>
    /// <c>cleanup_after_timeout</c>'s <c>deploying_error_handler</c> cleans the deploy up (the boot
    /// interface's ramdisk and instance boot: master's virtual media powers the node off); a failure
    /// is added to the error, in Ironic's words.
    /// </summary>
    private void CleanUp(Nodes.Node node, string error)
    {
        var task = context.Nodes.TaskOf(node);
        try
        {
            task.Driver.Deploy.CleanUp(task);
        }
        catch (Errors.IronicException failure)
        {
            var also = failure.IsLibraryError
                ? "An unhandled exception was encountered while aborting. More information may be found in the log file."
                : $"Also failed to clean up due to: {failure.Message}";
            context.History.Record(node, $"{error}. {also}", "deploying");
        }
    }
}
