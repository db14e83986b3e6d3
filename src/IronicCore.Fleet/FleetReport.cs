using System.Globalization;
using System.Text;

namespace IronicCore.Fleet;

/// <summary>
/// The results of a comparison as text: the Markdown tables <c>ironic-sim fleet</c> prints and
/// the CSV files it writes. Deterministic: the same results give the same bytes (invariant
/// culture, <c>\n</c> line ends).
/// </summary>
public static class FleetReport
{
    /// <summary>
    /// What each policy achieved and how often Ironic's limits refused a request, as two
    /// Markdown tables under a title line naming the scenario.
    /// </summary>
    /// <param name="scenario">The scenario the results come from.</param>
    /// <param name="results">One result per policy, in the order of the rows.</param>
    /// <returns>The tables, ending with a line end.</returns>
    public static string Markdown(FleetScenario scenario, IReadOnlyList<FleetResult> results)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(results);
        var lines = new List<string> { Title(scenario), string.Empty, ResultsHeader, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|" };
        foreach (var r in results)
        {
            var hours = r.MaintenanceByHour;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Policy} | {r.AvailableMean:N1} | {r.AvailableMin:N0} | {r.TenantVisibleFailures:N0} | {r.UnservedInstances:N0} | " +
                $"{(hours.IsEmpty ? 0 : hours.Average()):N1} / {(hours.IsEmpty ? 0 : hours.Max()):N0} | {r.HumanTickets:N0} | " +
                $"{Duration(r.TimeToRepairMedian)} | {Duration(r.TimeToRepairP95)} | {r.Transitions:N0} |"));
        }

        lines.Add(string.Empty);
        lines.Add(RefusalsHeader);
        lines.Add("|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Policy} | {r.NoFreeWorkerRefusals:N0} | {r.ConcurrentActionLimitRefusals:N0} | {r.ConductorDeaths:N0} | {r.TakeoverAborts:N0} |"));
        }

        return string.Join('\n', lines) + '\n';
    }

    /// <summary>One policy's samples as CSV (<c>hours,available,active,maintenance,failed,cleaning,open_tickets</c>), one line per sample.</summary>
    /// <param name="result">The policy's result.</param>
    /// <returns>The CSV text, header first.</returns>
    public static string SamplesCsv(FleetResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("hours,available,active,maintenance,failed,cleaning,open_tickets\n");
        foreach (var s in result.Samples)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{s.Elapsed.TotalHours:0.####},{s.Available},{s.Active},{s.Maintenance},{s.Failed},{s.Cleaning},{s.OpenTickets}\n");
        }

        return csv.ToString();
    }

    /// <summary>One CSV line per policy with every figure of its result (the columns of both Markdown tables).</summary>
    /// <param name="results">One result per policy.</param>
    /// <returns>The CSV text, header first.</returns>
    public static string SummaryCsv(IReadOnlyList<FleetResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new StringBuilder(
            "policy,available_mean,available_min,tenant_visible_failures,unserved_instances,maintenance_hourly_mean,maintenance_hourly_max," +
            "human_tickets,repairs,time_to_repair_median_hours,time_to_repair_p95_hours,transitions,events,no_free_conductor_worker,concurrent_action_limit,conductor_deaths,takeover_aborts\n");
        foreach (var r in results)
        {
            var hours = r.MaintenanceByHour;
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Policy},{r.AvailableMean:0.###},{r.AvailableMin},{r.TenantVisibleFailures},{r.UnservedInstances},{(hours.IsEmpty ? 0 : hours.Average()):0.###},{(hours.IsEmpty ? 0 : hours.Max())}," +
                $"{r.HumanTickets},{r.Repairs},{r.TimeToRepairMedian?.TotalHours:0.###},{r.TimeToRepairP95?.TotalHours:0.###},{r.Transitions},{r.Events}," +
                $"{r.NoFreeWorkerRefusals},{r.ConcurrentActionLimitRefusals},{r.ConductorDeaths},{r.TakeoverAborts}\n");
        }

        return csv.ToString();
    }

    /// <summary>The header of the results table.</summary>
    internal const string ResultsHeader =
        "| policy | available mean | available min | tenant-visible failures | unserved instances | in maintenance by hour (mean / max) | human tickets | time to repair median | time to repair p95 | transitions |";

    /// <summary>The header of the refusals table.</summary>
    internal const string RefusalsHeader = "| policy | NoFreeConductorWorker | ConcurrentActionLimit | conductor deaths | operations aborted by takeover |";

    /// <summary>The line naming the scenario, above the tables.</summary>
    internal static string Title(FleetScenario scenario) => string.Create(CultureInfo.InvariantCulture,
        $"Fleet: {Plural(scenario.Nodes, "node")}, {Plural(scenario.Conductors, "conductor")}, {Plural(scenario.Days, "day")}, seed {scenario.Seed}, {Plural(scenario.Operators.Count, "operator")}, " +
        $"max_concurrent_deploy {scenario.Options.MaxConcurrentDeploy:N0}, max_concurrent_clean {scenario.Options.MaxConcurrentClean:N0}");

    /// <summary>"1 conductor", "5 conductors".</summary>
    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Duration(TimeSpan? value) => value switch
    {
        null => "-",
        { TotalHours: < 1 } v => string.Create(CultureInfo.InvariantCulture, $"{v.TotalMinutes:F0} min"),
        { TotalDays: < 2 } v => string.Create(CultureInfo.InvariantCulture, $"{v.TotalHours:F1} h"),
        { } v => string.Create(CultureInfo.InvariantCulture, $"{v.TotalDays:F1} d"),
    };
}
