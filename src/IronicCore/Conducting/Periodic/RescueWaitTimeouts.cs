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
            const string error = "Timeout reached while waiting for rescue ramdisk callback for node";
            context.Power.NodePowerAction(node, PowerState.PowerOff);
            context.History.Record(
                node,
                node.TargetPowerState is null && node.LastError is { } failure && failure.StartsWith("Failed", StringComparison.Ordinal)
                    ? $"Rescue operation was unsuccessful, clean up failed for node: {failure}"
                    : error,
                "rescuing");
        }
    }
}
