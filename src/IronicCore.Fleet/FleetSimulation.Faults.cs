using IronicCore.States;

namespace IronicCore.Fleet;

// Hardware faults, one Poisson process over the whole fleet: a BMC stops answering; other faults
// make the agent's steps fail, unless masked, when only a tenant's workload shows them. Transient
// faults heal by themselves; the rest wait for a human's repair.
public sealed partial class FleetSimulation
{
    private double faultRatePerTick;

    private void StartFaults()
    {
        faultRatePerTick = FaultRatePerTick();
        if (faultRatePerTick > 0)
        {
            ScheduleNextFault();
        }
    }

    /// <summary>How often a fault strikes somewhere in the fleet, per tick of virtual time.</summary>
    private double FaultRatePerTick() => scenario.Faults.Sum(f => f.RatePerNodeYear) * scenario.Nodes / TimeSpan.FromDays(365).Ticks;

    private void ScheduleNextFault() =>
        Clock.Schedule(TimeSpan.FromTicks((long)faultDraws.NextExponential(1 / faultRatePerTick)), this, (int)FleetEvent.FaultArrival, 0, 0);

    private void StrikeFault()
    {
        ScheduleNextFault();
        var node = fleet[faultDraws.Next(fleet.Length)];
        var profile = PickProfile(faultDraws.NextDouble() * scenario.Faults.Sum(f => f.RatePerNodeYear));
        var masked = faultDraws.NextDouble() < profile.MaskedFraction && profile.Kind != HardwareFaultKind.Bmc;
        var transient = faultDraws.NextDouble() < profile.TransientFraction;
        if (node.Fault is null)
        {
            InjectFault(node.Index, profile, masked, transient);
        }
    }

    /// <summary>The machine in slot <paramref name="index"/> breaks now.</summary>
    internal void InjectFault(int index, HardwareFaultProfile profile, bool masked, bool transient = false)
    {
        var node = fleet[index];
        node.Fault = profile;
        var machine = conductor.GetMachine(node.Uuid);
        if (profile.Kind == HardwareFaultKind.Bmc)
        {
            machine.Reachable = false;
        }
        else if (!masked)
        {
            machine.HardwareFault = $"{profile.Kind.ToString().ToLowerInvariant()} failure detected by the hardware manager";
        }

        if (transient)
        {
            Clock.Schedule(profile.SelfHealTime, this, (int)FleetEvent.SelfHeal, index, node.FaultGeneration);
        }

        if (node.HasInstance && profile.Kind != HardwareFaultKind.Bmc && conductor.StateAt(index) == ProvisionState.Active)
        {
            // It broke under a running instance: the tenant sees it.
            metrics.TenantVisibleFailure(node.Hardware);
            Clock.Schedule(scenario.Workload.ReportDelay, this, (int)FleetEvent.BreakFix, index, node.Lease);
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

    /// <summary>The machine in slot <paramref name="index"/> is whole again (repaired, or healed by itself).</summary>
    internal void ClearFault(int index)
    {
        var node = fleet[index];
        var machine = conductor.GetMachine(node.Uuid);
        machine.Reachable = true;
        machine.HardwareFault = null;
        node.Fault = null;
        node.FaultGeneration++;
    }
}
