using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting.Periodic;

/// <summary>Ironic's <c>_check_cleanwait_timeouts</c>: cleaning fails when the agent has not called back within <c>clean_callback_timeout</c>.</summary>
internal sealed class CleanWaitTimeouts(ConductorContext context) : IPeriodicTask
{
    private readonly TimedOutNodes scan = new(context);

    public bool Enabled => Spacing > TimeSpan.Zero && context.Options.CleanCallbackTimeout > TimeSpan.Zero;

    public TimeSpan Spacing => context.Options.CheckProvisionStateInterval;

    public void Run()
    {
        foreach (var node in scan.Find(ProvisionState.CleanWait, context.Options.CleanCallbackTimeout, n => n.ProvisionUpdatedAt))
        {
            context.Tasks.Fire(node, ProvisionEvent.Fail, node.TargetProvisionState, spawnsWorker: true);
            SpawnedWorker.Run(node, "cleanup_cleanwait_timeout", () => context.StepErrors.StepsFailed(
                node,
                "Timeout reached while cleaning the node. Please check if the ramdisk responsible for the cleaning " +
                $"is running on the node. Failed on step {node.DescribeCurrentStep()}.",
                setFailState: false));
        }
    }
}
