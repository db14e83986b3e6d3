using System.Globalization;

namespace IronicCore.Fleet;

/// <summary>
/// An experiment's results as text (what <c>ironic-sim fleet</c> prints and writes): each
/// metric as its mean over replications ± the half-width of its 95 % confidence interval, and
/// each policy's paired difference to a baseline. With one replication the tables are
/// <see cref="FleetReport.Markdown"/>'s and no interval is printed, since none exists.
/// Deterministic: the same results give the same bytes (invariant culture, <c>\n</c> line ends).
/// </summary>
public static partial class FleetExperimentReport
{
    private const string Separator = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    /// <summary>The results table, the refusals table and the differences to <paramref name="baseline"/>, in Markdown.</summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="baseline">The policy the others are compared with; one of the result's.</param>
    /// <returns>The tables, ending with a line end.</returns>
    /// <exception cref="ArgumentException"><paramref name="baseline"/> is not one of the result's policies.</exception>
    public static string Markdown(FleetExperimentResult result, string baseline)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.IndexOf(baseline);
        var n = result.Replications;
        var lines = new List<string>();
        if (n == 1)
        {
            lines.Add(FleetReport.Markdown(result.Scenario, [.. result.Policies.Select(p => result.Results(p)[0])]).TrimEnd('\n'));
            lines.Add(string.Empty);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"One replication (seed {result.Seeds[0]}): no confidence interval exists; --replications 2 or more gives one."));
        }
        else
        {
            lines.Add(FleetReport.Title(result.Scenario));
            lines.Add(string.Empty);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{n} replications (seeds from {result.Seeds[0]}, docs/fleet.md#replications): each figure is the mean over replications ± the half-width of its 95 % confidence interval (Student t, {n - 1} degrees of freedom)."));
            lines.Add(string.Empty);
            lines.Add(FleetReport.ResultsHeader);
            lines.Add(Separator);
            lines.AddRange(result.Policies.Select(p => ResultsRow(p, metric => result.Estimate(p, metric), signed: false)));
            lines.Add(string.Empty);
            lines.Add(FleetReport.RefusalsHeader);
            lines.Add("|---|---:|---:|---:|---:|");
            lines.AddRange(result.Policies.Select(p => RefusalsRow(p, metric => result.Estimate(p, metric))));
        }

        if (result.Policies.Length > 1)
        {
            lines.Add(string.Empty);
            lines.Add(n == 1
                ? $"Differences to {baseline} in this one replication (policy − {baseline}; no interval):"
                : $"Paired differences to {baseline} (policy − {baseline} in each replication, on the same random numbers; mean ± 95 % interval, paired t); * marks an interval that excludes zero:");
            lines.Add(string.Empty);
            lines.Add(FleetReport.ResultsHeader.Replace("| policy |", $"| policy − {baseline} |", StringComparison.Ordinal));
            lines.Add(Separator);
            lines.AddRange(result.Policies.Where(p => p != baseline).Select(p => ResultsRow(p, metric => result.Difference(p, baseline, metric), signed: true)));
        }

        lines.AddRange(HardwareMarkdown(result));
        lines.AddRange(FaultMarkdown(result));
        return string.Join('\n', lines) + "\n";
    }

    private static string ResultsRow(string policy, Func<FleetMetric, FleetEstimate?> estimate, bool signed)
    {
        string Cell(FleetMetric metric) => Format(metric, estimate(metric), signed);
        return $"| {policy} | {Cell(FleetMetric.AvailableMean)} | {Cell(FleetMetric.AvailableMin)} | {Cell(FleetMetric.TenantVisibleFailures)} | " +
            $"{Cell(FleetMetric.UnservedInstances)} | {Cell(FleetMetric.MaintenanceHourlyMean)} / {Cell(FleetMetric.MaintenanceHourlyMax)} | " +
            $"{Cell(FleetMetric.HumanTickets)} | {Cell(FleetMetric.TimeToRepairMedian)} | {Cell(FleetMetric.TimeToRepairP95)} | {Cell(FleetMetric.Transitions)} |";
    }

    private static string RefusalsRow(string policy, Func<FleetMetric, FleetEstimate?> estimate)
    {
        string Cell(FleetMetric metric) => Format(metric, estimate(metric), signed: false);
        return $"| {policy} | {Cell(FleetMetric.NoFreeConductorWorker)} | {Cell(FleetMetric.ConcurrentActionLimit)} | " +
            $"{Cell(FleetMetric.ConductorDeaths)} | {Cell(FleetMetric.TakeoverAborts)} |";
    }

    /// <summary>
    /// An estimate as the tables show it: the mean in the metric's unit and precision, and ± the
    /// half-width of its 95 % interval when there is one (<c>12.3 ± 0.4</c>, <c>2.4 d ± 1.5 d</c>); <c>-</c> for none.
    /// </summary>
    /// <param name="metric">The metric the estimate is of (its unit).</param>
    /// <param name="estimate">The estimate; null for none.</param>
    /// <returns>The text.</returns>
    public static string Format(FleetMetric metric, FleetEstimate? estimate)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return Format(metric, estimate, signed: false);
    }

    /// <summary>
    /// A paired difference as the tables show it: <see cref="Format(FleetMetric, FleetEstimate?)"/>
    /// signed, and starred when its interval excludes zero (<c>+5.2 ± 1.1 *</c>).
    /// </summary>
    /// <param name="metric">The metric the difference is of (its unit).</param>
    /// <param name="difference">The difference's estimate (<see cref="FleetStatistics.PairedDifference"/>); null for none.</param>
    /// <returns>The text.</returns>
    public static string FormatDifference(FleetMetric metric, FleetEstimate? difference)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return Format(metric, difference, signed: true);
    }

    /// <summary>A cell: the mean, and ± the half-width when there is an interval; a difference signed and starred when its interval excludes zero.</summary>
    private static string Format(FleetMetric metric, FleetEstimate? estimate, bool signed)
    {
        if (estimate is not { } e)
        {
            return "-";
        }

        var text = Number(metric, e.Mean, e.Mean, signed);
        if (e.HalfWidth is { } half)
        {
            text += " ± " + Number(metric, half, e.Mean, signed: false);
        }

        return signed && e.ExcludesZero ? text + " *" : text;
    }

    /// <summary>A value in the unit and precision its cell's mean is shown in, so "2.4 d ± 1.5 d", not "2.4 d ± 36.8 h".</summary>
    private static string Number(FleetMetric metric, double value, double mean, bool signed)
    {
        var magnitude = signed ? Math.Abs(value) : value;
        var scale = Math.Abs(mean);
        var shown = metric.Unit switch
        {
            FleetMetricUnit.Hours when scale < 1 => string.Create(CultureInfo.InvariantCulture, $"{magnitude * 60:F0} min"),
            FleetMetricUnit.Hours when scale < 48 => string.Create(CultureInfo.InvariantCulture, $"{magnitude:F1} h"),
            FleetMetricUnit.Hours => string.Create(CultureInfo.InvariantCulture, $"{magnitude / 24:F1} d"),
            _ when scale >= 10_000 => magnitude.ToString("N0", CultureInfo.InvariantCulture),
            _ => magnitude.ToString("N1", CultureInfo.InvariantCulture),
        };

        // A difference that rounds to nothing shows no sign ("0.0", not "-0.0").
        return !signed || shown.All(c => !char.IsAsciiDigit(c) || c == '0') ? shown : (value > 0 ? "+" : "-") + shown;
    }
}
