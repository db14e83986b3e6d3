using System.Globalization;
using IronicCore.Simulation.Fleet;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>The CSV files of a fleet run: every sample per policy, and one summary line per policy.</summary>
internal static class FleetCsv
{
    public static void Write(string directory, IReadOnlyList<FleetResult> results)
    {
        foreach (var result in results)
        {
            using var writer = Create(Path.Combine(directory, $"{result.Policy}.csv"));
            writer.Write("hours,available,active,maintenance,failed,cleaning,open_tickets\n");
            foreach (var s in result.Samples)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Elapsed.TotalHours:0.####},{s.Available},{s.Active},{s.Maintenance},{s.Failed},{s.Cleaning},{s.OpenTickets}\n"));
            }
        }

        using var summary = Create(Path.Combine(directory, "summary.csv"));
        summary.Write("policy,available_mean,available_min,tenant_visible_failures,unserved_instances,maintenance_hourly_mean,maintenance_hourly_max," +
            "human_tickets,repairs,time_to_repair_median_hours,time_to_repair_p95_hours,transitions,events,no_free_conductor_worker,concurrent_action_limit,conductor_deaths,takeover_aborts\n");
        foreach (var r in results)
        {
            var hours = r.MaintenanceByHour;
            summary.Write(string.Create(CultureInfo.InvariantCulture,
                $"{r.Policy},{r.AvailableMean:0.###},{r.AvailableMin},{r.TenantVisibleFailures},{r.UnservedInstances},{(hours.IsEmpty ? 0 : hours.Average()):0.###},{(hours.IsEmpty ? 0 : hours.Max())}," +
                $"{r.HumanTickets},{r.Repairs},{r.TimeToRepairMedian?.TotalHours:0.###},{r.TimeToRepairP95?.TotalHours:0.###},{r.Transitions},{r.Events}," +
                $"{r.NoFreeWorkerRefusals},{r.ConcurrentActionLimitRefusals},{r.ConductorDeaths},{r.TakeoverAborts}\n"));
        }
    }

    private static StreamWriter Create(string path) => new(path, append: false, new System.Text.UTF8Encoding(false));
}
