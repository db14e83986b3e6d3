using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting.Periodic;

/// <summary>Ironic master's <c>_check_servicewait_timeouts</c>: servicing fails when the agent has not called back within <c>service_callback_timeout</c>.</summary>
internal sealed class ServiceWaitTimeouts(ConductorContext context) : IPeriodicTask
{
    private readonly TimedOutNodes scan = new(context);

    public bool Enabled =>
        context.Profile.ChecksServiceWaitTimeouts && Spacing > TimeSpan.Zero && context.Options.ServiceCallbackTimeout > TimeSpan.Zero;

    public TimeSpan Spacing => context.Options.CheckProvisionStateInterval;

    public void Run()
    {
        foreach (var node in scan.Find(ProvisionState.ServiceWait, context.Options.ServiceCallbackTimeout, n => n.ProvisionUpdatedAt))
        {
            context.Tasks.Fire(node, ProvisionEvent.Fail, node.TargetProvisionState, spawnsWorker: true);
            SpawnedWorker.Run(node, "cleanup_servicewait_timeout", () => context.StepErrors.StepsFailed(
                node,
                "Timeout reached while servicing the node. Please check if the ramdisk responsible for the servicing " +
                $"is running on the node. Failed on step {node.DescribeCurrentStep()}.",
                setFailState: false));
        }
    }
}
