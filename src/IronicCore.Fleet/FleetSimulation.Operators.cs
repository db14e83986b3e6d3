using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Fleet;

// The human operators: tickets wait in one queue, first come first served; an operator on shift
// takes one, spends the ticket's time on it, sends broken hardware to repair, and then walks the
// node back to available with Ironic's API, looking again every retry interval until it is there.
public sealed partial class FleetSimulation
{
    private readonly Queue<int> tickets = new();
    private int idleOperators;
    private long shiftScheduledTicks = -1;

    private void StartOperators() => idleOperators = scenario.Operators.Count;

    internal void OpenTicket(FleetNode node)
    {
        if (node.Ticket)
        {
            return;
        }

        node.Ticket = true;
        openTickets++;
        metrics.HumanTicket(node.Hardware);
        tickets.Enqueue(node.Index);
        AssignTickets();
    }

    private void AssignTickets()
    {
        var now = Clock.GetUtcNow();
        if (!OnShift(now))
        {
            if (tickets.Count > 0 && idleOperators > 0)
            {
                var next = NextShiftStart(now);
                if (next.UtcTicks != shiftScheduledTicks)
                {
                    shiftScheduledTicks = next.UtcTicks;
                    Clock.ScheduleAt(next, this, (int)FleetEvent.OperatorShift, 0, 0);
                }
            }

            return;
        }

        while (idleOperators > 0 && tickets.Count > 0)
        {
            idleOperators--;
            Clock.Schedule(scenario.Operators.TimePerTicket, this, (int)FleetEvent.TicketDone, tickets.Dequeue(), 0);
        }
    }

    private bool OnShift(DateTimeOffset now)
    {
        var operators = scenario.Operators;
        return (operators.Weekends || now.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            && now.Hour >= operators.ShiftStartHour && now.Hour < operators.ShiftEndHour;
    }

    private DateTimeOffset NextShiftStart(DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.Date, TimeSpan.Zero);
        for (var candidate = day.AddHours(scenario.Operators.ShiftStartHour); ; candidate = candidate.AddDays(1))
        {
            if (candidate > now && OnShift(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>The operator has diagnosed the node: broken hardware goes to repair, the rest back to the pool now.</summary>
    private void FinishTicket(FleetNode node)
    {
        idleOperators++;
        if (node.Fault is { } fault)
        {
            Clock.Schedule(fault.RepairTime, this, (int)FleetEvent.RepairDone, node.Index, 0);
        }
        else
        {
            Visit(node);
        }

        AssignTickets();
    }

    /// <summary>One step of a human returning the node to <c>available</c>; the ticket closes when it is there.</summary>
    private void Visit(FleetNode node)
    {
        var maintenance = conductor.InMaintenanceAt(node.Index);
        var state = conductor.StateAt(node.Index);
        if (!maintenance && state is ProvisionState.Available or ProvisionState.Active)
        {
            node.Ticket = false;
            openTickets--;
            return;
        }

        try
        {
            switch (state)
            {
                case ProvisionState.Enroll or ProvisionState.CleanFailed or ProvisionState.InspectFailed:
                    gateway.Request(node, ApiVerb.Manage);
                    break;
                case ProvisionState.Manageable:
                    ClearMaintenanceByHand(node, maintenance);
                    gateway.Request(node, ApiVerb.Provide);
                    break;
                case ProvisionState.DeployFailed or ProvisionState.Error:
                    ClearMaintenanceByHand(node, maintenance);
                    gateway.Request(node, ApiVerb.Deleted);
                    break;
                default:
                    // Waiting states resume by themselves once maintenance is off.
                    ClearMaintenanceByHand(node, maintenance);
                    break;
            }
        }
        catch (IronicException)
        {
            // Refused for now (a limit, a busy conductor): look again later.
        }

        if (!node.Visiting)
        {
            node.Visiting = true;
            Clock.Schedule(scenario.Workload.RetryInterval, this, (int)FleetEvent.HumanVisit, node.Index, 0);
        }
    }

    private void ClearMaintenanceByHand(FleetNode node, bool maintenance)
    {
        if (maintenance)
        {
            gateway.ClearMaintenance(node.Uuid);
        }
    }
}
