using System.Collections.Immutable;

namespace IronicCore.Fleet;

/// <summary>What one policy achieved on one run of a <see cref="FleetScenario"/>. Deterministic: the same scenario and policy give equal results.</summary>
public sealed record FleetResult
{
    /// <summary>The policy's name.</summary>
    public required string Policy { get; init; }

    /// <summary>Mean over the samples of nodes <c>available</c> and not in maintenance.</summary>
    public required double AvailableMean { get; init; }

    /// <summary>The fewest such nodes in any sample.</summary>
    public required int AvailableMin { get; init; }

    /// <summary>
    /// Failures a tenant saw: an instance on a broken machine (a masked fault, or hardware that
    /// broke under it), a deploy that failed, a false alarm reported.
    /// </summary>
    public required int TenantVisibleFailures { get; init; }

    /// <summary>Instance requests that found no node to take.</summary>
    public required int UnservedInstances { get; init; }

    /// <summary>Nodes in maintenance at the end of each hour.</summary>
    public required ImmutableArray<int> MaintenanceByHour { get; init; }

    /// <summary>Tickets handed to the humans.</summary>
    public required int HumanTickets { get; init; }

    /// <summary>
    /// How many times a node out of service (in maintenance or a failed state) came back, in
    /// <c>available</c> or <c>active</c> and out of maintenance.
    /// </summary>
    public required int Repairs { get; init; }

    /// <summary>The median time out of service of those returns; null when there were none.</summary>
    public required TimeSpan? TimeToRepairMedian { get; init; }

    /// <summary>The 95th percentile of that time (nearest rank); null when there were none.</summary>
    public required TimeSpan? TimeToRepairP95 { get; init; }

    /// <summary>
    /// Every time out of service counted in <see cref="Repairs"/>, shortest first: the
    /// distribution whose median and 95th percentile are above. Default empty.
    /// </summary>
    public ImmutableArray<TimeSpan> TimesToRepair { get; init; } = [];

    /// <summary>Provision state transitions.</summary>
    public required long Transitions { get; init; }

    /// <summary>Events the virtual clock ran.</summary>
    public required long Events { get; init; }

    /// <summary>Requests refused with <c>NoFreeConductorWorker</c>.</summary>
    public required int NoFreeWorkerRefusals { get; init; }

    /// <summary>Requests refused with <c>ConcurrentActionLimit</c>.</summary>
    public required int ConcurrentActionLimitRefusals { get; init; }

    /// <summary>Conductor deaths.</summary>
    public required int ConductorDeaths { get; init; }

    /// <summary>Operations aborted by a conductor takeover.</summary>
    public required int TakeoverAborts { get; init; }

    /// <summary>The fleet at every sample.</summary>
    public required ImmutableArray<FleetSample> Samples { get; init; }

    /// <summary>
    /// In a fleet that mixes hardware types (<see cref="FleetScenario.Hardware"/>), each type's
    /// figures, in the types' ordinal order; empty (the default) for a fleet of one type.
    /// </summary>
    public ImmutableArray<FleetHardwareResult> ByHardware { get; init; } = [];

    /// <summary>
    /// In a fleet whose scenario gives a Redfish BMC's own faults a rate, the figures of each hardware
    /// type and fault kind the scenario has (a Redfish BMC's kinds with redfish nodes only), in the
    /// types' order, then the scenario's; empty (the default) otherwise.
    /// </summary>
    public ImmutableArray<FleetFaultResult> ByFault { get; init; } = [];
}
