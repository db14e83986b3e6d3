using System.Globalization;
using IronicCore.Simulation.Fleet;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// The final tables, in Markdown: what each policy achieved and how often Ironic's limits
/// refused a request (deterministic: the same scenario and seed print the same bytes), then
/// how long each run took in wall time (which is not).
/// </summary>
internal static class FleetReport
{
    public static void Write(TextWriter writer, FleetScenario scenario, IReadOnlyList<FleetRun> runs)
    {
        writer.WriteLine(Results(scenario, [.. runs.Select(r => r.Result)]));
        writer.WriteLine("| policy | events | wall time (s) | events/s of wall time |");
        writer.WriteLine("|---|---:|---:|---:|");
        foreach (var run in runs)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run.Result.Policy} | {run.Result.Events:N0} | {run.WallTime.TotalSeconds:F1} | {run.EventsPerSecond:N0} |"));
        }
    }

    /// <summary>The deterministic results as a Markdown table, with a title line naming the scenario.</summary>
    public static string Results(FleetScenario scenario, IReadOnlyList<FleetResult> results)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Fleet: {scenario.Nodes:N0} nodes, {scenario.Conductors} conductors, {scenario.Days} days, seed {scenario.Seed}, {scenario.Operators.Count} operators, " +
                $"max_concurrent_deploy {scenario.Options.MaxConcurrentDeploy:N0}, max_concurrent_clean {scenario.Options.MaxConcurrentClean:N0}"),
            string.Empty,
            "| policy | available mean | available min | tenant-visible failures | unserved instances | in maintenance by hour (mean / max) | human tickets | time to repair median | time to repair p95 | transitions |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        };
        foreach (var r in results)
        {
            var hours = r.MaintenanceByHour;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Policy} | {r.AvailableMean:N1} | {r.AvailableMin:N0} | {r.TenantVisibleFailures:N0} | {r.UnservedInstances:N0} | " +
                $"{(hours.IsEmpty ? 0 : hours.Average()):N1} / {(hours.IsEmpty ? 0 : hours.Max()):N0} | {r.HumanTickets:N0} | " +
                $"{Duration(r.TimeToRepairMedian)} | {Duration(r.TimeToRepairP95)} | {r.Transitions:N0} |"));
        }

        lines.Add(string.Empty);
        lines.Add("| policy | NoFreeConductorWorker | ConcurrentActionLimit | conductor deaths | operations aborted by takeover |");
        lines.Add("|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Policy} | {r.NoFreeWorkerRefusals:N0} | {r.ConcurrentActionLimitRefusals:N0} | {r.ConductorDeaths:N0} | {r.TakeoverAborts:N0} |"));
        }

        return string.Join('\n', lines) + '\n';
    }

    private static string Duration(TimeSpan? value) => value switch
    {
        null => "-",
        { TotalHours: < 1 } v => string.Create(CultureInfo.InvariantCulture, $"{v.TotalMinutes:F0} min"),
        { TotalDays: < 2 } v => string.Create(CultureInfo.InvariantCulture, $"{v.TotalHours:F1} h"),
        { } v => string.Create(CultureInfo.InvariantCulture, $"{v.TotalDays:F1} d"),
    };
}
