namespace IronicCore.Simulation.Fleet;

/// <summary>
/// Hardware faults, one Poisson process over the whole fleet: a BMC stops answering; other
/// faults make the agent's steps fail, unless masked, when only a tenant's workload shows
/// them. Transient faults heal by themselves; the rest wait for a human's repair.
/// </summary>
public sealed partial class FleetSimulation
{
    private double faultRatePerTick;

    private void StartFaults()
    {
        var perNodeYear = scenario.Faults.Sum(f => f.RatePerNodeYear);
        faultRatePerTick = perNodeYear * scenario.Nodes / TimeSpan.FromDays(365).Ticks;
        if (faultRatePerTick > 0)
        {
            ScheduleNextFault();
        }
    }

    private void ScheduleNextFault() =>
        Clock.Schedule(TimeSpan.FromTicks((long)random.NextExponential(1 / faultRatePerTick)), this, (int)FleetEvent.FaultArrival, 0, 0);

    private void StrikeFault()
    {
        ScheduleNextFault();
        var node = fleet[random.Next(fleet.Length)];
        var profile = PickProfile(random.NextDouble() * scenario.Faults.Sum(f => f.RatePerNodeYear));
        var masked = random.NextDouble() < profile.MaskedFraction && profile.Kind != HardwareFaultKind.Bmc;
        var transient = random.NextDouble() < profile.TransientFraction;
        if (node.Fault is not null)
        {
            return;
        }

        node.Fault = profile;
        node.Masked = masked;
        var machine = conductor.MachineAt(node.Index);
        if (profile.Kind == HardwareFaultKind.Bmc)
        {
            machine.Reachable = false;
        }
        else if (!masked)
        {
            machine.Agent.HardwareFault = $"{profile.Kind.ToString().ToLowerInvariant()} failure detected by the hardware manager";
        }

        if (transient)
        {
            Clock.Schedule(profile.SelfHealTime, this, (int)FleetEvent.SelfHeal, node.Index, node.FaultGeneration);
        }

        if (node.HasInstance && profile.Kind != HardwareFaultKind.Bmc
            && conductor.NodeAt(node.Index)!.ProvisionState == States.ProvisionState.Active)
        {
            // It broke under a running instance: the tenant sees it.
            metrics.TenantVisibleFailures++;
            Clock.Schedule(scenario.Workload.ReportDelay, this, (int)FleetEvent.BreakFix, node.Index, node.Lease);
        }
    }

    private HardwareFaultProfile PickProfile(double draw)
    {
        foreach (var profile in scenario.Faults)
        {
            if (draw < profile.RatePerNodeYear)
            {
                return profile;
            }

            draw -= profile.RatePerNodeYear;
        }

        return scenario.Faults[^1];
    }

    private void ClearFault(FleetNode node)
    {
        var machine = conductor.MachineAt(node.Index);
        machine.Reachable = true;
        machine.Agent.HardwareFault = null;
        node.Fault = null;
        node.Masked = false;
        node.FaultGeneration++;
    }
}
