using System.Globalization;
using System.Text;
using IronicCore.Cli.Commands.Fleet;
using IronicCore.Fleet;
using IronicCore.Sweeps;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace IronicCore.Cli.Commands.Sweep.Report;

/// <summary>
/// The sweep's charts (PNG): a metric against one swept parameter, the others held at one value
/// each, per policy the mean over replications as a line and its 95 % confidence interval as a
/// shaded band (the fleet chart's style). Numeric values sit at their values on the axis, others
/// (durations, names) at even steps, labelled.
/// </summary>
internal static class SweepChart
{
    /// <summary>The most slices (combinations of the other parameters) charted per parameter and metric.</summary>
    public const int MaxSlices = 12;

    /// <summary>Writes one chart per metric, parameter and slice into <paramref name="directory"/>; returns the files' names, in order.</summary>
    public static IReadOnlyList<string> Write(string directory, SweepReport report, IReadOnlyList<FleetMetric> metrics)
    {
        var files = new List<string>();
        var plan = report.Plan;
        for (var parameter = 0; parameter < plan.Parameters.Length; parameter++)
        {
            var slices = report.Slices(parameter);
            foreach (var metric in metrics)
            {
                for (var i = 0; i < Math.Min(slices.Length, MaxSlices); i++)
                {
                    var name = $"{metric.Name}-by-{Slug(plan.Parameters[parameter].Path)}{(slices.Length > 1 ? string.Create(CultureInfo.InvariantCulture, $"-{i + 1}") : string.Empty)}.png";
                    Draw(Path.Combine(directory, name), report, metric, slices[i]);
                    files.Add(name);
                }
            }
        }

        return files;
    }

    /// <summary>What the slice holds fixed: the other parameters and their values; empty with one parameter.</summary>
    public static string Fixed(SweepReport report, SweepSlice slice)
    {
        var plan = report.Plan;
        var point = plan.Point(slice.Points[0]);
        return string.Join(", ", plan.Parameters.Select((p, i) => (p, i)).Where(x => x.i != slice.Parameter).Select(x => $"{x.p.Path} = {SweepReport.Text(point[x.i])}"));
    }

    private static void Draw(string path, SweepReport report, FleetMetric metric, SweepSlice slice)
    {
        var plan = report.Plan;
        var parameter = plan.Parameters[slice.Parameter];
        var numeric = parameter.Values.All(v => v.ValueKind == System.Text.Json.JsonValueKind.Number);
        double[] x = [.. parameter.Values.Select((v, i) => numeric ? v.GetDouble() : i)];
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var policy = 0; policy < plan.Policies.Length; policy++)
        {
            var at = Enumerable.Range(0, x.Length).Where(i => report.Estimate(slice.Points[i], policy, metric) is not null).ToList();
            var estimates = at.Select(i => report.Estimate(slice.Points[i], policy, metric)!.Value).ToList();
            if (at.Count == 0)
            {
                continue;
            }

            var band = estimates.All(e => e.HalfWidth is not null)
                ? ([.. estimates.Select(e => e.Lower!.Value)], [.. estimates.Select(e => e.Upper!.Value)])
                : ((double[] Lower, double[] Upper)?)null;
            var line = FleetChart.Line(plot, [.. at.Select(i => x[i])], [.. estimates.Select(e => e.Mean)], band, palette.GetColor(policy), plan.Policies[policy]);
            line.MarkerSize = 6;
        }

        var fixedText = Fixed(report, slice);
        plot.Title(string.Create(CultureInfo.InvariantCulture,
            $"{metric.Label} against {parameter.Path}, per policy\nline: mean over up to {plan.Replications} replications; band: its 95 % confidence interval{(fixedText.Length > 0 ? $"; {fixedText}" : string.Empty)}"));
        plot.Axes.Left.Label.Text = $"{metric.Label} ({metric.Unit.ToString().ToLowerInvariant()})";
        plot.Axes.Bottom.Label.Text = parameter.Path;
        if (!numeric)
        {
            plot.Axes.Bottom.TickGenerator = new NumericManual(x, [.. parameter.Values.Select(SweepReport.Text)]);
        }

        plot.ShowLegend(Edge.Right);
        plot.Layout.Fixed(new PixelPadding(left: 90, right: 150, bottom: 60, top: 70));
        plot.SavePng(path, 1000, 600);
    }

    /// <summary>A parameter's path as part of a file name: letters, digits and underscores kept, runs of anything else one hyphen.</summary>
    private static string Slug(string path)
    {
        var slug = new StringBuilder();
        foreach (var c in path)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
