using System.Globalization;
using ScottPlot;

namespace IronicCore.Benchmarks.Charts;

/// <summary>
/// The comparison chart (PNG): provision-state transitions per second against fleet size, one
/// line per implementation, log-log, from <c>benchmarks/ironic-reference/results.csv</c>
/// (<c>implementation,nodes,transitions_per_second</c>).
/// </summary>
internal static class ThroughputChart
{
    public const string Usage = "usage: chart <results.csv> <chart.png>";

    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count != 2)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        IReadOnlyList<Row> rows;
        try
        {
            rows = Read(File.ReadAllLines(args[0]));
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"chart: {args[0]}: {e.Message}");
            return 2;
        }

        Write(args[1], rows);
        Console.WriteLine($"chart: {rows.Count} points from {args[0]} written to {args[1]}");
        return 0;
    }

    private static List<Row> Read(string[] lines)
    {
        const string header = "implementation,nodes,transitions_per_second";
        if (lines.Length == 0 || lines[0].Trim() != header)
        {
            throw new FormatException($"the first line must be '{header}'");
        }

        var rows = new List<Row>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split(',');
            if (fields.Length != 3
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var nodes) || nodes < 1
                || !double.TryParse(fields[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
            {
                throw new FormatException($"line {i + 1} is not 'name,positive nodes,positive rate': '{lines[i]}'");
            }

            rows.Add(new Row(fields[0], nodes, rate));
        }

        return rows;
    }

    private static void Write(string path, IReadOnlyList<Row> rows)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var implementations = rows.Select(r => r.Implementation).Distinct().ToList();
        for (var i = 0; i < implementations.Count; i++)
        {
            var points = rows.Where(r => r.Implementation == implementations[i]).OrderBy(r => r.Nodes).ToList();
            double[] nodes = [.. points.Select(p => Math.Log10(p.Nodes))];
            double[] rates = [.. points.Select(p => Math.Log10(p.TransitionsPerSecond))];
            var line = plot.Add.Scatter(nodes, rates);
            line.Color = palette.GetColor(i);
            line.MarkerSize = 8;
            line.LegendText = implementations[i];
        }

        plot.Axes.Bottom.TickGenerator = LogTicks();
        plot.Axes.Left.TickGenerator = LogTicks();
        plot.Axes.Bottom.Label.Text = "nodes (log)";
        plot.Axes.Left.Label.Text = "provision-state transitions per second (log)";
        plot.Title("Fake-hardware lifecycle (manage, provide, deploy, undeploy): one process, this 2-core machine");
        plot.ShowLegend(Alignment.MiddleRight);
        plot.SavePng(path, 1000, 600);
    }

    /// <summary>Ticks at the powers of ten of a log10 axis, labelled with the plain number.</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = exponent => Math.Pow(10, exponent).ToString("N0", CultureInfo.InvariantCulture),
    };

    private sealed record Row(string Implementation, int Nodes, double TransitionsPerSecond);
}
