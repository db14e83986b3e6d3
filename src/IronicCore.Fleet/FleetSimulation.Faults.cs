using System.Collections.Immutable;
using IronicCore.Drivers.Redfish;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Fleet;

// Hardware faults, one Poisson process over the whole fleet: a BMC stops answering; other faults
// make the agent's steps fail, unless masked, when only a tenant's workload shows them. Transient
// faults heal by themselves; the rest wait for a human's repair. The Redfish BMCs' own faults
// (rejected credentials, a failing Reset or InsertMedia) are a second process over the redfish
// nodes, with its own random stream, so a scenario without them draws exactly as before.
public sealed partial class FleetSimulation
{
    private readonly ImmutableArray<HardwareFaultProfile> machineFaults;
    private readonly ImmutableArray<HardwareFaultProfile> redfishFaults;
    private SeededRandom redfishFaultDraws;
    private double faultRatePerTick;
    private double redfishFaultRatePerTick;
    private int[] redfishSlots = [];

    // The (hardware type, fault kind) pairs whose figures the result gives: none unless the
    // scenario gives a Redfish BMC's own faults a rate, so other fleets' results stay as they were.
    private readonly ImmutableArray<(byte Hardware, HardwareFaultKind Kind)> faultRows;

    private void StartFaults()
    {
        faultRatePerTick = FaultRatePerTick();
        if (faultRatePerTick > 0)
        {
            ScheduleNextFault();
        }

        StartRedfishFaults();
        if (redfishFaultRatePerTick > 0)
        {
            ScheduleNextRedfishFault();
        }
    }

    /// <summary>The redfish nodes' slots and how often their BMCs' own faults strike; a new run's, or a resumed one's.</summary>
    private void StartRedfishFaults()
    {
        var rate = redfishFaults.Sum(f => f.RatePerNodeYear);
        if (rate <= 0 || !hardwareIndex.TryGetValue(RedfishConductorExtensions.HardwareTypeName, out var redfish))
        {
            return;
        }

        redfishSlots = [.. FleetHardware.Sequence(hardware).Select((driver, slot) => (driver, slot)).Where(n => n.driver == RedfishConductorExtensions.HardwareTypeName).Select(n => n.slot)];
        redfishFaultRatePerTick = rate * hardware[redfish].Nodes / TimeSpan.FromDays(365).Ticks;
    }

    private static ImmutableArray<(byte Hardware, HardwareFaultKind Kind)> FaultRows(FleetScenario scenario, ImmutableArray<(string Driver, int Nodes)> hardware)
    {
        if (!scenario.Faults.Any(f => HardwareFaultKinds.IsRedfish(f.Kind) && f.RatePerNodeYear > 0))
        {
            return [];
        }

        var kinds = scenario.Faults.Select(f => f.Kind).Distinct().ToArray();
        return [.. hardware.SelectMany((type, k) => kinds
            .Where(kind => !HardwareFaultKinds.IsRedfish(kind) || type.Driver == RedfishConductorExtensions.HardwareTypeName)
            .Select(kind => ((byte)k, kind)))];
    }

    /// <summary>A node with a fault failed its deployment or cleaning: counted against the fault's kind.</summary>
    private void CountFaultConsequence(FleetNode node, in TransitionRecord transition)
    {
        if (node.Fault is not { } fault || faultRows.IsEmpty)
        {
            return;
        }

        if (transition.To == ProvisionState.DeployFailed)
        {
            metrics.DeployFailed(node.Hardware, fault.Kind);
        }
        else if (transition.To == ProvisionState.CleanFailed)
        {
            metrics.CleanFailed(node.Hardware, fault.Kind);
        }
    }

    /// <summary>At the end of an hour, the nodes in maintenance counted by their fault's kind.</summary>
    private void SampleFaults(bool hourEnds)
    {
        if (!hourEnds || faultRows.IsEmpty)
        {
            return;
        }

        for (var i = 0; i < conductor.MaintenanceCount; i++)
        {
            var node = fleet[conductor.MaintenanceSlotAt(i)];
            if (node.Fault is { } fault)
            {
                metrics.InMaintenance(node.Hardware, fault.Kind);
            }
        }
    }

    /// <summary>How often a fault strikes somewhere in the fleet, per tick of virtual time.</summary>
    private double FaultRatePerTick() => machineFaults.Sum(f => f.RatePerNodeYear) * scenario.Nodes / TimeSpan.FromDays(365).Ticks;

    private void ScheduleNextFault() => ScheduleArrival(faultDraws.NextExponential(1 / faultRatePerTick), FleetEvent.FaultArrival);

    private void ScheduleNextRedfishFault() => ScheduleArrival(redfishFaultDraws.NextExponential(1 / redfishFaultRatePerTick), FleetEvent.RedfishFaultArrival);

    /// <summary>
    /// The next fault of a process, <paramref name="ticks"/> from now; none after the run's end: at a
    /// low rate on a small fleet the wait can be thousands of years, past what a clock can hold.
    /// </summary>
    private void ScheduleArrival(double ticks, FleetEvent arrival)
    {
        if (ticks < (End - Clock.GetUtcNow()).Ticks)
        {
            Clock.Schedule(TimeSpan.FromTicks((long)ticks), this, (int)arrival, 0, 0);
        }
    }

    private void StrikeFault()
    {
        ScheduleNextFault();
        var node = fleet[faultDraws.Next(fleet.Length)];
        var profile = PickProfile(machineFaults, faultDraws.NextDouble() * machineFaults.Sum(f => f.RatePerNodeYear));
        var masked = faultDraws.NextDouble() < profile.MaskedFraction && profile.Kind != HardwareFaultKind.Bmc;
        var transient = faultDraws.NextDouble() < profile.TransientFraction;
        if (node.Fault is null)
        {
            InjectFault(node.Index, profile, masked, transient);
        }
    }

    private void StrikeRedfishFault()
    {
        ScheduleNextRedfishFault();
        var node = fleet[redfishSlots[redfishFaultDraws.Next(redfishSlots.Length)]];
        var profile = PickProfile(redfishFaults, redfishFaultDraws.NextDouble() * redfishFaults.Sum(f => f.RatePerNodeYear));
        var transient = redfishFaultDraws.NextDouble() < profile.TransientFraction;
        if (node.Fault is null)
        {
            InjectFault(node.Index, profile, masked: false, transient);
        }
    }

    /// <summary>The machine in slot <paramref name="index"/> breaks now.</summary>
    internal void InjectFault(int index, HardwareFaultProfile profile, bool masked, bool transient = false)
    {
        var node = fleet[index];
        node.Fault = profile;
        metrics.FaultStruck(node.Hardware, profile.Kind);
        var machine = conductor.GetMachine(node.Uuid);
        if (HardwareFaultKinds.IsRedfish(profile.Kind))
        {
            var system = RedfishSystemOf(node);
            system.CredentialsRejected = profile.Kind == HardwareFaultKind.CredentialsRejected;
            system.ResetFails = profile.Kind == HardwareFaultKind.ResetFails;
            system.InsertMediaFails = profile.Kind == HardwareFaultKind.InsertMediaFails;
        }
        else if (profile.Kind == HardwareFaultKind.Bmc)
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

        if (node.HasInstance && !HardwareFaultKinds.IsBmc(profile.Kind) && conductor.StateAt(index) == ProvisionState.Active)
        {
            // It broke under a running instance: the tenant sees it.
            metrics.TenantVisibleFailure(node.Hardware);
            Clock.Schedule(scenario.Workload.ReportDelay, this, (int)FleetEvent.BreakFix, index, node.Lease);
        }
    }

    private static HardwareFaultProfile PickProfile(ImmutableArray<HardwareFaultProfile> profiles, double draw)
    {
        foreach (var profile in profiles)
        {
            if (draw < profile.RatePerNodeYear)
            {
                return profile;
            }

            draw -= profile.RatePerNodeYear;
        }

        return profiles[^1];
    }

    /// <summary>The machine in slot <paramref name="index"/> is whole again (repaired, or healed by itself).</summary>
    internal void ClearFault(int index)
    {
        var node = fleet[index];
        var machine = conductor.GetMachine(node.Uuid);
        machine.Reachable = true;
        machine.HardwareFault = null;
        if (node.Fault is { } fault && HardwareFaultKinds.IsRedfish(fault.Kind))
        {
            var system = RedfishSystemOf(node);
            system.CredentialsRejected = false;
            system.ResetFails = false;
            system.InsertMediaFails = false;
        }

        node.Fault = null;
        node.FaultGeneration++;
    }

    /// <summary>The node's system at its simulated Redfish BMC.</summary>
    /// <exception cref="InvalidOperationException">The node is not a redfish node.</exception>
    private RedfishSystem RedfishSystemOf(FleetNode node) =>
        hardware[node.Hardware].Driver == RedfishConductorExtensions.HardwareTypeName
            ? conductor.DriverStates.OfType<RedfishHardware>().Single().GetSystem(node.Uuid)
            : throw new InvalidOperationException($"Node {node.Uuid} is {hardware[node.Hardware].Driver}: only a redfish node's BMC has a Redfish BMC's faults.");
}
