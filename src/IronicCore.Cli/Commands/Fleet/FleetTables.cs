using System.Diagnostics;
using System.Globalization;
using IronicCore.Fleet;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// The final tables, in Markdown: <see cref="FleetExperimentReport.Markdown"/>'s results
/// (deterministic: the same scenario, seed and replications print the same bytes), then how
/// long each policy's runs took in wall time and the process's peak memory (which are not).
/// </summary>
internal static class FleetTables
{
    public static void Write(TextWriter writer, FleetExperimentResult result, string baseline)
    {
        writer.WriteLine(FleetExperimentReport.Markdown(result, baseline));
        // With several replications, a policy's events and wall time are its runs' sums.
        writer.WriteLine("| policy | events | wall time (s) | events/s of wall time |");
        writer.WriteLine("|---|---:|---:|---:|");
        foreach (var policy in result.Policies)
        {
            var runs = result.Runs.Where(run => result.Policies[run.Policy] == policy).ToList();
            var events = runs.Sum(run => run.Result.Events);
            var seconds = runs.Sum(run => run.WallTime.TotalSeconds);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {policy} | {events:N0} | {seconds:F1} | {events / Math.Max(seconds, 1e-9):N0} |"));
        }

        // Over one fleet's nodes, though runs that went at once shared the process: with one policy and
        // one replication (how a fleet's size is tried) it is the memory a node costs.
        using var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64;
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Peak resident memory: {peak / (1024.0 * 1024.0):N0} MB, {peak / Math.Max(result.Scenario.Nodes, 1):N0} bytes a node of the fleet ({Plural.Of(result.Runs.Length, "run")} in the process)."));
    }
}
