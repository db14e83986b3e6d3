using System.Collections.Immutable;

namespace IronicCore.Fleet;

/// <summary>The counters and samples of one run, and the result they make.</summary>
internal sealed partial class FleetMetrics(int days)
{
    private readonly List<FleetSample> samples = new(days * 96);
    private readonly List<int> maintenanceByHour = new(days * 24);
    private readonly List<long> repairTicks = [];

    public long Transitions { get; set; }

    public int TenantVisibleFailures { get; set; }

    public int UnservedInstances { get; set; }

    public int HumanTickets { get; set; }

    public int ConductorDeaths { get; set; }

    public int TakeoverAborts { get; set; }

    public void Add(FleetSample sample, bool hourEnds)
    {
        samples.Add(sample);
        if (hourEnds)
        {
            maintenanceByHour.Add(sample.Maintenance);
        }
    }

    public void Repaired(long outOfServiceTicks) => repairTicks.Add(outOfServiceTicks);

    public FleetResult ToResult(string policy, long events, int noFreeWorkerRefusals, int concurrentActionLimitRefusals, ImmutableArray<(string Driver, int Nodes)> hardware,
        ImmutableArray<(byte Hardware, HardwareFaultKind Kind)> faultRows)
    {
        var sorted = repairTicks.Order().ToArray();
        return new FleetResult
        {
            Policy = policy,
            AvailableMean = samples.Count == 0 ? 0 : samples.Average(s => s.Available),
            AvailableMin = samples.Count == 0 ? 0 : samples.Min(s => s.Available),
            TenantVisibleFailures = TenantVisibleFailures,
            UnservedInstances = UnservedInstances,
            MaintenanceByHour = [.. maintenanceByHour],
            HumanTickets = HumanTickets,
            Repairs = sorted.Length,
            TimeToRepairMedian = Percentile(sorted, 50),
            TimeToRepairP95 = Percentile(sorted, 95),
            TimesToRepair = [.. sorted.Select(TimeSpan.FromTicks)],
            Transitions = Transitions,
            Events = events,
            NoFreeWorkerRefusals = noFreeWorkerRefusals,
            ConcurrentActionLimitRefusals = concurrentActionLimitRefusals,
            ConductorDeaths = ConductorDeaths,
            TakeoverAborts = TakeoverAborts,
            Samples = [.. samples],
            ByHardware = ByHardware(hardware),
            ByFault = ByFault(hardware, faultRows),
        };
    }

    /// <summary>The nearest-rank percentile.</summary>
    private static TimeSpan? Percentile(long[] sorted, int percent) =>
        sorted.Length == 0 ? null : TimeSpan.FromTicks(sorted[Math.Max(0, ((sorted.Length * percent) + 99) / 100 - 1)]);
}
