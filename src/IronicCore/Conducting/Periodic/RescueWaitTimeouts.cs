using IronicCore.States;

namespace IronicCore.Conducting.Periodic;

/// <summary>
/// Ironic's <c>_check_rescuewait_timeouts</c>: a rescue fails, powered off, when the rescue
/// ramdisk has not called back within <c>rescue_callback_timeout</c>.
/// </summary>
internal sealed class RescueWaitTimeouts(ConductorContext context) : IPeriodicTask
{
    private readonly TimedOutNodes scan = new(context);

    public bool Enabled => context.Options.RescueCallbackTimeout != TimeSpan.Zero;

    public TimeSpan Spacing => context.Options.CheckRescueStateInterval;

    public void Run()
    {
        foreach (var node in scan.Find(ProvisionState.RescueWait, context.Options.RescueCallbackTimeout, n => n.ProvisionUpdatedAt))
        {
            context.Tasks.Fire(node, ProvisionEvent.Fail, node.TargetProvisionState, spawnsWorker: true);
            context.Rescue.RescuingFailed(node, "Timeout reached while waiting for rescue ramdisk callback for node", setFailState: false);
        }
    }
}
