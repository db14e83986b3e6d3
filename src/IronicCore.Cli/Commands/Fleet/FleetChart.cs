using IronicCore.Fleet;
using ScottPlot;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// The fleet chart (PNG): nodes available over time per policy (solid, left axis) and nodes in
/// maintenance, the humans' backlog (dashed, right axis).
/// </summary>
internal static class FleetChart
{
    public static void Write(string path, FleetScenario scenario, IReadOnlyList<FleetResult> results)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            double[] days = [.. result.Samples.Select(s => s.Elapsed.TotalDays)];
            var color = palette.GetColor(i);
            var available = plot.Add.ScatterLine(days, [.. result.Samples.Select(s => (double)s.Available)]);
            available.Color = color;
            available.LegendText = $"{result.Policy}: available";
            var maintenance = plot.Add.ScatterLine(days, [.. result.Samples.Select(s => (double)s.Maintenance)]);
            maintenance.Color = color;
            maintenance.LinePattern = LinePattern.Dashed;
            maintenance.Axes.YAxis = plot.Axes.Right;
            maintenance.LegendText = $"{result.Policy}: in maintenance";
        }

        plot.Title($"{scenario.Nodes:N0} nodes, {scenario.Days} days, seed {scenario.Seed}");
        plot.Axes.Bottom.Label.Text = "days";
        plot.Axes.Left.Label.Text = "nodes available (solid)";
        plot.Axes.Right.Label.Text = "nodes in maintenance (dashed)";
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, 1200, 600);
    }
}
