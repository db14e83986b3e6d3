using System.Globalization;
using System.Text;
using IronicCore.Fleet;

namespace IronicCore.Sweeps;

// The report as text: Markdown tables (one per metric, a row per point, a column per policy) and
// CSV files (every cell; every estimate).
public sealed partial class SweepReport
{
    /// <summary>
    /// The tables: a line on the sweep, then per metric of <paramref name="metrics"/> a table with a row
    /// per point (the parameters' values, the replications done) and per policy the mean ± the
    /// half-width of its 95 % interval, as <c>ironic-sim fleet</c> prints them.
    /// </summary>
    /// <param name="metrics">The metrics to tabulate, in order.</param>
    /// <param name="baseline">
    /// The policy the others' paired differences are taken to, in a second table per metric (as
    /// <c>ironic-sim fleet --baseline</c>); null for none, or with a single policy.
    /// </param>
    /// <returns>The Markdown text.</returns>
    /// <exception cref="ArgumentException"><paramref name="baseline"/> is not one of the plan's policies.</exception>
    public string Markdown(IEnumerable<FleetMetric> metrics, string? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var reference = baseline is null ? -1 : Plan.Policies.IndexOf(baseline);
        if (baseline is not null && reference < 0)
        {
            throw new ArgumentException($"The baseline {baseline} is not one of the plan's policies.", nameof(baseline));
        }

        var others = Enumerable.Range(0, Plan.Policies.Length).Where(p => p != reference).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Sweep of {Plan.PointCount} point{(Plan.PointCount == 1 ? string.Empty : "s")} × {Plan.Replications} replication{(Plan.Replications == 1 ? string.Empty : "s")} ({Cells.Length} of {Plan.CellCount} cells done), policies {string.Join(", ", Plan.Policies)}, seed {Plan.Seed}; {Plan.Scenario.Nodes:N0} nodes, {Plan.Scenario.Days} days. ");
        text.Append("Each figure is the mean over the point's replications ± the half-width of its 95 % confidence interval (Student t).\n");
        var header = string.Concat(Plan.Parameters.Select(p => $"| {p.Path} ")) + "| n | " + string.Join(" | ", Plan.Policies) + " |\n";
        var rule = string.Concat(Enumerable.Repeat("|---:", Plan.Parameters.Length + 1 + Plan.Policies.Length)) + "|\n";
        foreach (var metric in metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{metric.Label} ({metric.Name}):\n\n").Append(header).Append(rule);
            for (var point = 0; point < Plan.PointCount; point++)
            {
                foreach (var value in Plan.Point(point))
                {
                    text.Append("| ").Append(Text(value)).Append(' ');
                }

                text.Append(CultureInfo.InvariantCulture, $"| {Done[point]} |");
                for (var policy = 0; policy < Plan.Policies.Length; policy++)
                {
                    text.Append(' ').Append(FleetExperimentReport.Format(metric, Estimate(point, policy, metric))).Append(" |");
                }

                text.Append('\n');
            }

            if (reference >= 0 && others.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{metric.Label}, paired differences to {baseline} (policy − {baseline} in each replication; * marks an interval that excludes zero):\n\n")
                    .Append(string.Concat(Plan.Parameters.Select(p => $"| {p.Path} "))).Append("| n | ")
                    .AppendJoin(" | ", others.Select(p => $"{Plan.Policies[p]} − {baseline}")).Append(" |\n")
                    .Append(string.Concat(Enumerable.Repeat("|---:", Plan.Parameters.Length + 1 + others.Count))).Append("|\n");
                for (var point = 0; point < Plan.PointCount; point++)
                {
                    text.Append(string.Concat(Plan.Point(point).Select(value => $"| {Text(value)} "))).Append(CultureInfo.InvariantCulture, $"| {Done[point]} |");
                    foreach (var policy in others)
                    {
                        text.Append(' ').Append(FleetExperimentReport.FormatDifference(metric, Difference(point, policy, reference, metric))).Append(" |");
                    }

                    text.Append('\n');
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// <c>cells.csv</c>: one line per cell done and policy: <c>cell,replication,seed</c>, each
    /// parameter's value (its path the column's name), <c>policy</c>, then every metric (empty without a value).
    /// </summary>
    /// <returns>The CSV text, header first.</returns>
    public string CellsCsv()
    {
        var csv = new StringBuilder("cell,replication,seed,");
        foreach (var parameter in Plan.Parameters)
        {
            csv.Append(Quoted(parameter.Path)).Append(',');
        }

        csv.Append("policy,").AppendJoin(',', FleetMetric.All.Select(m => m.Name)).Append('\n');
        foreach (var cell in Cells)
        {
            for (var policy = 0; policy < Plan.Policies.Length; policy++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{cell.Index},{cell.Replication},{cell.Seed},");
                foreach (var value in cell.Point)
                {
                    csv.Append(Quoted(Text(value))).Append(',');
                }

                csv.Append(Plan.Policies[policy]).Append(',')
                    .AppendJoin(',', FleetMetric.All.Select(metric => Number(cell.Value(policy, metric)))).Append('\n');
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// <c>estimates.csv</c>: one line per point, policy and metric: the parameters' values,
    /// <c>policy,metric,n,mean,standard_deviation,ci95_half_width,ci95_lower,ci95_upper</c> (the interval's
    /// columns empty with one replication; a metric without values has none of its own).
    /// </summary>
    /// <returns>The CSV text, header first.</returns>
    public string EstimatesCsv()
    {
        var csv = new StringBuilder();
        foreach (var parameter in Plan.Parameters)
        {
            csv.Append(Quoted(parameter.Path)).Append(',');
        }

        csv.Append("policy,metric,n,mean,standard_deviation,ci95_half_width,ci95_lower,ci95_upper\n");
        for (var point = 0; point < Plan.PointCount; point++)
        {
            var values = string.Concat(Plan.Point(point).Select(value => Quoted(Text(value)) + ","));
            for (var policy = 0; policy < Plan.Policies.Length; policy++)
            {
                foreach (var metric in FleetMetric.All)
                {
                    if (Estimate(point, policy, metric) is { } e)
                    {
                        csv.Append(CultureInfo.InvariantCulture, $"{values}{Plan.Policies[policy]},{metric.Name},{e.Count},{Number(e.Mean)},{Number(e.StandardDeviation)},{Number(e.HalfWidth)},{Number(e.Lower)},{Number(e.Upper)}\n");
                    }
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>A number as it round-trips (the cells' own digits); empty for none.</summary>
    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A CSV field, quoted when it holds a comma, a quote or a line break.</summary>
    private static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
