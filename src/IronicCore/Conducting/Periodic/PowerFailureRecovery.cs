using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting.Periodic;

/// <summary>
/// Ironic's <c>_power_failure_recovery</c>: a node in maintenance for <c>power failure</c>
/// whose BMC answers again gets its power state, and leaves maintenance.
/// </summary>
internal sealed class PowerFailureRecovery(ConductorContext context) : IPeriodicTask
{
    public bool Enabled => Spacing > TimeSpan.Zero;

    public TimeSpan Spacing => context.Options.PowerFailureRecoveryInterval;

    public void Run()
    {
        var table = context.Nodes;
        table.PowerFailed.RemoveWhere(slot => table[slot] is not { Fault: NodeFault.PowerFailure });
        foreach (var node in table.PowerFailed.Select(slot => table[slot]!))
        {
            if (node.ProvisionState == ProvisionState.Enroll || !node.Maintenance || node.Fault != NodeFault.PowerFailure
                || node.TargetPowerState is not null || node.Reservation is not null)
            {
                continue;
            }

            var task = table.TaskOf(node);
            task.Begin();
            if (task.Driver.Power is FakePower && !task.Machine.Reachable)
            {
                // What fake power's read would throw (the BMC does not answer), without the throw:
                // a fleet's dead BMCs stay dead for days, read every few minutes.
                continue;
            }

            PowerState? actual;
            try
            {
                task.Driver.Power.Validate(task);
                actual = task.Driver.Power.GetPowerState(task);
                if (actual == PowerState.Error)
                {
                    continue;
                }
            }
            catch (IronicException)
            {
                continue;
            }

            node.PowerState = actual;
            table.SetMaintenance(node, false);
            node.MaintenanceReason = null;
            node.Fault = null;
        }
    }
}
