using System.Globalization;
using IronicCore.Fleet;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// The final tables, in Markdown: <see cref="FleetReport.Markdown"/>'s results (deterministic:
/// the same scenario and seed print the same bytes), then how long each run took in wall time
/// (which is not).
/// </summary>
internal static class FleetTables
{
    public static void Write(TextWriter writer, FleetScenario scenario, IReadOnlyList<FleetRun> runs)
    {
        writer.WriteLine(FleetReport.Markdown(scenario, [.. runs.Select(r => r.Result)]));
        writer.WriteLine("| policy | events | wall time (s) | events/s of wall time |");
        writer.WriteLine("|---|---:|---:|---:|");
        foreach (var run in runs)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run.Result.Policy} | {run.Result.Events:N0} | {run.WallTime.TotalSeconds:F1} | {run.EventsPerSecond:N0} |"));
        }
    }
}
