using System.Globalization;
using IronicCore.Fleet;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// The fleet chart (PNG), two panels over one time axis: nodes available (top) and nodes in
/// maintenance, the humans' backlog (bottom); per policy the replications' mean as a line and
/// their range (min to max) as a shaded band. Counts start at 0 on integer ticks, days run from
/// 0 to the last day, and the legend sits right of the data.
/// </summary>
internal static class FleetChart
{
    public static void Write(string path, FleetExperimentResult result)
    {
        var scenario = result.Scenario;
        var n = result.Replications;
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        var available = multiplot.GetPlot(0);
        var maintenance = multiplot.GetPlot(1);
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < result.Policies.Length; i++)
        {
            var policy = result.Policies[i];
            var color = palette.GetColor(i);
            Draw(available, result.Band(policy, s => s.Available), color, policy);
            Draw(maintenance, result.Band(policy, s => s.Maintenance), color, policy);
        }

        var band = n == 1 ? "one replication" : $"line: mean of {n} replications; band: their min to max";
        available.Title(string.Create(CultureInfo.InvariantCulture,
            $"Nodes available (top) and in maintenance (bottom), per policy\n{band}; {scenario.Nodes:N0} nodes, {scenario.Days} days, seed {scenario.Seed}"));
        Axes(available, "nodes available", scenario.Days);
        Axes(maintenance, "nodes in maintenance", scenario.Days);
        maintenance.Axes.Bottom.Label.Text = "days since the start";
        multiplot.SharedAxes.ShareX([available, maintenance]);
        multiplot.SavePng(path, 1400, 900);
    }

    private static void Draw(Plot plot, IReadOnlyList<FleetBandPoint> points, Color color, string policy) =>
        Line(plot, [.. points.Select(p => p.Elapsed.TotalDays)], [.. points.Select(p => p.Estimate.Mean)],
            points.Count > 0 && points[0].Estimate.Count > 1 ? ([.. points.Select(p => p.Estimate.Min)], [.. points.Select(p => p.Estimate.Max)]) : null,
            color, policy);

    /// <summary>One policy's line of means over <paramref name="x"/>, over its shaded band when it has one; the legend names it.</summary>
    internal static Scatter Line(Plot plot, double[] x, double[] means, (double[] Lower, double[] Upper)? band, Color color, string policy)
    {
        if (band is var (lower, upper))
        {
            var range = plot.Add.FillY(x, lower, upper);
            range.FillColor = color.WithAlpha(0.18);
            range.LineWidth = 0;
        }

        var mean = plot.Add.ScatterLine(x, means);
        mean.Color = color;
        mean.LineWidth = 1.5f;
        mean.LegendText = policy;
        return mean;
    }

    /// <summary>Integer ticks from 0 on the counts, days 0 to the last, the legend outside the data.</summary>
    private static void Axes(Plot plot, string counts, int days)
    {
        plot.Axes.Left.Label.Text = counts;
        plot.Axes.Left.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.AutoScale();
        var top = plot.Axes.GetLimits().Top;
        plot.Axes.SetLimits(0, days, 0, Math.Max(1, top * 1.05));
        plot.ShowLegend(Edge.Right);

        // The same margins on both panels, so their data areas line up over the shared days.
        plot.Layout.Fixed(new PixelPadding(left: 90, right: 150, bottom: 50, top: 60));
    }
}
