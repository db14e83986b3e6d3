using IronicCore.States;

namespace IronicCore.Conducting.Periodic;

/// <summary>Ironic's <c>_check_inspect_wait_timeouts</c>: inspection fails after <c>inspect_wait_timeout</c>.</summary>
internal sealed class InspectWaitTimeouts(ConductorContext context) : IPeriodicTask
{
    private readonly TimedOutNodes scan = new(context);

    public bool Enabled => Spacing > TimeSpan.Zero && context.Options.InspectWaitTimeout > TimeSpan.Zero;

    public TimeSpan Spacing => context.Options.CheckProvisionStateInterval;

    public void Run()
    {
        foreach (var node in scan.Find(ProvisionState.InspectWait, context.Options.InspectWaitTimeout, n => n.InspectionStartedAt))
        {
            context.Tasks.Fire(node, ProvisionEvent.Fail, lastError: "timeout reached while inspecting the node");
        }
    }
}
