using IronicCore.Errors;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Fleet;

// The tenants, as Nova drives Ironic: an instance takes a free node (active), gives it back at
// the end of its lease (deleted), and a tenant whose machine misbehaves files a break-fix: the
// node goes to maintenance on their behalf and the instance is deleted.
public sealed partial class FleetSimulation
{
    private const string BreakFixReason = "user_reason: tenant reported a broken machine";

    /// <summary>Nodes in <c>available</c>, the scheduler's candidates.</summary>
    private readonly IndexSet free;

    private void StartTenants()
    {
        if (scenario.Workload.Utilization > 0)
        {
            Clock.Schedule(NextArrival(), this, (int)FleetEvent.Arrival, 0, 0);
        }
    }

    private TimeSpan NextArrival()
    {
        var perInstance = scenario.Workload.MeanLease.Ticks / (scenario.Workload.Utilization * scenario.Nodes);
        return TimeSpan.FromTicks((long)arrivalDraws.NextExponential(perInstance));
    }

    private void Arrive()
    {
        Clock.Schedule(NextArrival(), this, (int)FleetEvent.Arrival, 0, 0);
        Place();
    }

    /// <summary>Nova's scheduler picks a free node at random, out of maintenance; Ironic deploys it.</summary>
    private void Place()
    {
        for (var attempt = 0; attempt < 8 && free.Count > 0; attempt++)
        {
            var node = fleet[free[placementDraws.Next(free.Count)]];
            if (conductor.InMaintenanceAt(node.Index) || conductor.IsReservedAt(node.Index) || node.HasInstance)
            {
                continue;
            }

            try
            {
                gateway.Request(node, ApiVerb.Active);
            }
            catch (IronicException)
            {
                Clock.Schedule(scenario.Workload.RetryInterval, this, (int)FleetEvent.PlacementRetry, 0, 0);
                return;
            }

            node.HasInstance = true;
            ScheduleLeaseEnd(node);
            return;
        }

        metrics.UnservedInstances++;
    }

    private void ScheduleLeaseEnd(FleetNode node)
    {
        node.Lease++;
        var lease = TimeSpan.FromTicks((long)leaseDraws.NextExponential(scenario.Workload.MeanLease.Ticks));
        Clock.Schedule(lease, this, (int)FleetEvent.LeaseEnd, node.Index, node.Lease);
    }

    /// <summary>The instance booted: on broken hardware the tenant finds out and reports it.</summary>
    private void InstanceStarted(FleetNode node)
    {
        if (node.Fault is { } fault && !HardwareFaultKinds.IsBmc(fault.Kind))
        {
            metrics.TenantVisibleFailure(node.Hardware);
            Clock.Schedule(scenario.Workload.ReportDelay, this, (int)FleetEvent.BreakFix, node.Index, node.Lease);
        }
    }

    private void EndLease(FleetNode node, long lease)
    {
        if (!node.HasInstance || node.Lease != lease)
        {
            return;
        }

        if (reportDraws.NextDouble() < scenario.Workload.FalseReportProbability)
        {
            metrics.TenantVisibleFailure(node.Hardware);
            BreakFix(node, lease);
            return;
        }

        DeleteInstance(node, lease);
    }

    /// <summary>
    /// The tenant's delete, retried until Ironic takes it. A retry is Nova's, not a new decision
    /// of the tenant's: the false report is drawn once per lease, or a fleet whose cleaning is
    /// saturated would turn every refused retry into another chance of a report.
    /// </summary>
    private void DeleteInstance(FleetNode node, long lease)
    {
        if (!node.HasInstance || node.Lease != lease || TryDeleteInstance(node))
        {
            return;
        }

        Clock.Schedule(scenario.Workload.RetryInterval, this, (int)FleetEvent.InstanceDeleteRetry, node.Index, lease);
    }

    /// <summary>The break-fix: maintenance on the tenant's behalf, then the instance deleted (automated cleaning follows).</summary>
    private void BreakFix(FleetNode node, long lease)
    {
        if (!node.HasInstance || node.Lease != lease)
        {
            return;
        }

        try
        {
            if (!conductor.InMaintenanceAt(node.Index))
            {
                gateway.Maintenance(node, BreakFixReason);
            }
        }
        catch (IronicException)
        {
            Clock.Schedule(scenario.Workload.RetryInterval, this, (int)FleetEvent.BreakFix, node.Index, lease);
            return;
        }

        MarkOut(node, Clock.GetUtcNow().UtcTicks);

        if (!TryDeleteInstance(node))
        {
            Clock.Schedule(scenario.Workload.RetryInterval, this, (int)FleetEvent.BreakFix, node.Index, lease);
        }
    }

    private bool TryDeleteInstance(FleetNode node)
    {
        try
        {
            gateway.Request(node, ApiVerb.Deleted);
        }
        catch (IronicException)
        {
            return false;
        }

        node.HasInstance = false;
        return true;
    }

    /// <summary>Nova deletes the instance whose deploy failed, which tears the node down.</summary>
    private void NovaTearDown(FleetNode node)
    {
        if (conductor.StateAt(node.Index) != ProvisionState.DeployFailed || node.Ticket)
        {
            return;
        }

        try
        {
            gateway.Request(node, ApiVerb.Deleted);
        }
        catch (IronicException)
        {
            Clock.Schedule(scenario.Workload.RetryInterval, this, (int)FleetEvent.NovaTearDown, node.Index, 0);
        }
    }
}
