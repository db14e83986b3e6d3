using System.Collections.Immutable;

namespace IronicCore.Fleet;

/// <summary>
/// One figure of a <see cref="FleetResult"/> as a number, for statistics over replications
/// (<see cref="FleetExperimentResult.Estimate"/>): its CSV column name, its label in the tables,
/// and how to read it from a result. <see cref="All"/> lists them in the tables' order.
/// </summary>
public sealed class FleetMetric
{
    private readonly Func<FleetResult, double?> read;

    private FleetMetric(string name, string label, FleetMetricUnit unit, Func<FleetResult, double?> read)
    {
        Name = name;
        Label = label;
        Unit = unit;
        this.read = read;
    }

    /// <summary>Mean over the samples of nodes available and not in maintenance.</summary>
    public static FleetMetric AvailableMean { get; } = new("available_mean", "available mean", FleetMetricUnit.Nodes, r => r.AvailableMean);

    /// <summary>The fewest nodes available in any sample.</summary>
    public static FleetMetric AvailableMin { get; } = new("available_min", "available min", FleetMetricUnit.Count, r => r.AvailableMin);

    /// <summary>Failures tenants saw.</summary>
    public static FleetMetric TenantVisibleFailures { get; } = new("tenant_visible_failures", "tenant-visible failures", FleetMetricUnit.Count, r => r.TenantVisibleFailures);

    /// <summary>Instance requests that found no node.</summary>
    public static FleetMetric UnservedInstances { get; } = new("unserved_instances", "unserved instances", FleetMetricUnit.Count, r => r.UnservedInstances);

    /// <summary>Mean of the nodes in maintenance at the end of each hour.</summary>
    public static FleetMetric MaintenanceHourlyMean { get; } = new("maintenance_hourly_mean", "in maintenance by hour (mean)", FleetMetricUnit.Nodes, r => r.MaintenanceByHour.IsEmpty ? 0 : r.MaintenanceByHour.Average());

    /// <summary>Most nodes in maintenance at the end of an hour.</summary>
    public static FleetMetric MaintenanceHourlyMax { get; } = new("maintenance_hourly_max", "in maintenance by hour (max)", FleetMetricUnit.Count, r => r.MaintenanceByHour.IsEmpty ? 0 : r.MaintenanceByHour.Max());

    /// <summary>Tickets handed to the humans.</summary>
    public static FleetMetric HumanTickets { get; } = new("human_tickets", "human tickets", FleetMetricUnit.Count, r => r.HumanTickets);

    /// <summary>Returns to service after time out of it.</summary>
    public static FleetMetric Repairs { get; } = new("repairs", "repairs", FleetMetricUnit.Count, r => r.Repairs);

    /// <summary>The median time to repair, in hours; no value for a run without repairs.</summary>
    public static FleetMetric TimeToRepairMedian { get; } = new("time_to_repair_median_hours", "time to repair median", FleetMetricUnit.Hours, r => r.TimeToRepairMedian?.TotalHours);

    /// <summary>The 95th percentile of the time to repair, in hours; no value for a run without repairs.</summary>
    public static FleetMetric TimeToRepairP95 { get; } = new("time_to_repair_p95_hours", "time to repair p95", FleetMetricUnit.Hours, r => r.TimeToRepairP95?.TotalHours);

    /// <summary>Provision state transitions.</summary>
    public static FleetMetric Transitions { get; } = new("transitions", "transitions", FleetMetricUnit.Count, r => r.Transitions);

    /// <summary>Events the virtual clock ran.</summary>
    public static FleetMetric Events { get; } = new("events", "events", FleetMetricUnit.Count, r => r.Events);

    /// <summary>Requests refused with <c>NoFreeConductorWorker</c>.</summary>
    public static FleetMetric NoFreeConductorWorker { get; } = new("no_free_conductor_worker", "NoFreeConductorWorker", FleetMetricUnit.Count, r => r.NoFreeWorkerRefusals);

    /// <summary>Requests refused with <c>ConcurrentActionLimit</c>.</summary>
    public static FleetMetric ConcurrentActionLimit { get; } = new("concurrent_action_limit", "ConcurrentActionLimit", FleetMetricUnit.Count, r => r.ConcurrentActionLimitRefusals);

    /// <summary>Conductor deaths.</summary>
    public static FleetMetric ConductorDeaths { get; } = new("conductor_deaths", "conductor deaths", FleetMetricUnit.Count, r => r.ConductorDeaths);

    /// <summary>Operations aborted by a conductor takeover.</summary>
    public static FleetMetric TakeoverAborts { get; } = new("takeover_aborts", "operations aborted by takeover", FleetMetricUnit.Count, r => r.TakeoverAborts);

    /// <summary>Every metric, in the order of <c>summary.csv</c>'s columns.</summary>
    public static ImmutableArray<FleetMetric> All { get; } =
    [
        AvailableMean, AvailableMin, TenantVisibleFailures, UnservedInstances, MaintenanceHourlyMean, MaintenanceHourlyMax,
        HumanTickets, Repairs, TimeToRepairMedian, TimeToRepairP95, Transitions, Events, NoFreeConductorWorker,
        ConcurrentActionLimit, ConductorDeaths, TakeoverAborts,
    ];

    /// <summary>A figure of the nodes of the <paramref name="type"/>-th hardware type of a mixed fleet (<see cref="FleetResult.ByHardware"/>).</summary>
    internal static FleetMetric OfHardware(int type, string name, string label, FleetMetricUnit unit, Func<FleetHardwareResult, double> read) =>
        new(name, label, unit, r => r.ByHardware.Length > type ? read(r.ByHardware[type]) : null);

    /// <summary>A figure of the <paramref name="row"/>-th (hardware type, fault kind) of a run's <see cref="FleetResult.ByFault"/>.</summary>
    internal static FleetMetric OfFault(int row, string name, string label, FleetMetricUnit unit, Func<FleetFaultResult, double> read) =>
        new(name, label, unit, r => r.ByFault.Length > row ? read(r.ByFault[row]) : null);

    /// <summary>The CSV column name (e.g. <c>available_mean</c>).</summary>
    public string Name { get; }

    /// <summary>The label in the Markdown tables (e.g. <c>available mean</c>).</summary>
    public string Label { get; }

    /// <summary>What the number counts.</summary>
    public FleetMetricUnit Unit { get; }

    /// <summary>The metric's value in <paramref name="result"/>.</summary>
    /// <param name="result">One run's result.</param>
    /// <returns>The value, or null when the run has none (a time to repair without repairs).</returns>
    public double? ValueOf(FleetResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return read(result);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
