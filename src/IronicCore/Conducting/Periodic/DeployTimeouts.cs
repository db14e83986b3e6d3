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
            context.History.Record(node, $"Timeout reached while waiting for callback for node {node.Uuid}", "deploying");
            context.Deployment.WipeDeployInfo(node);
        }
    }
}
