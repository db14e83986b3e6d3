using System.Globalization;
using System.Text;

namespace IronicCore.Fleet;

// The experiment's CSV files: summary.csv keeps FleetReport's columns (now the means over
// replications) and adds each metric's interval; runs.csv has every run's figures, differences.csv
// the paired differences, and each policy's samples the replications' mean with their band.
public static partial class FleetExperimentReport
{
    /// <summary>
    /// One line per policy: <see cref="FleetReport.SummaryCsv"/>'s columns holding the means over
    /// replications (the same as it with one replication), then <c>replications</c> and, per metric,
    /// <c>METRIC_ci95</c>: the half-width of its 95 % interval (empty with one replication, or without values).
    /// </summary>
    /// <param name="result">The experiment's result.</param>
    /// <returns>The CSV text, header first.</returns>
    public static string SummaryCsv(FleetExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("policy,");
        csv.AppendJoin(',', FleetMetric.All.Select(m => m.Name));
        csv.Append(",replications,");
        csv.AppendJoin(',', FleetMetric.All.Select(m => m.Name + "_ci95"));
        csv.Append('\n');
        foreach (var policy in result.Policies)
        {
            var estimates = FleetMetric.All.Select(metric => result.Estimate(policy, metric)).ToList();
            csv.Append(policy).Append(',');
            csv.AppendJoin(',', estimates.Select(e => Csv(e?.Mean)));
            csv.Append(CultureInfo.InvariantCulture, $",{result.Replications},");
            csv.AppendJoin(',', estimates.Select(e => Csv(e?.HalfWidth)));
            csv.Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>One line per policy and replication: <c>policy,replication,seed</c> and every metric of that run.</summary>
    /// <param name="result">The experiment's result.</param>
    /// <returns>The CSV text, header first; replications numbered from 1.</returns>
    public static string RunsCsv(FleetExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("policy,replication,seed,");
        csv.AppendJoin(',', FleetMetric.All.Select(m => m.Name));
        csv.Append('\n');
        foreach (var run in result.Runs)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{result.Policies[run.Policy]},{run.Replication + 1},{run.Seed},");
            csv.AppendJoin(',', FleetMetric.All.Select(metric => Csv(metric.ValueOf(run.Result))));
            csv.Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>
    /// One line per policy other than <paramref name="baseline"/> and metric: the paired
    /// difference <c>policy − baseline</c>, its 95 % interval (empty ends with one replication), and
    /// whether the interval excludes zero.
    /// </summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="baseline">The baseline policy.</param>
    /// <returns>The CSV text, header first.</returns>
    /// <exception cref="ArgumentException"><paramref name="baseline"/> is not one of the result's policies.</exception>
    public static string DifferencesCsv(FleetExperimentResult result, string baseline)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.IndexOf(baseline);
        var csv = new StringBuilder("policy,baseline,metric,pairs,difference_mean,ci95,lower,upper,excludes_zero\n");
        foreach (var policy in result.Policies.Where(p => p != baseline))
        {
            foreach (var metric in FleetMetric.All)
            {
                var d = result.Difference(policy, baseline, metric);
                csv.Append(CultureInfo.InvariantCulture,
                    $"{policy},{baseline},{metric.Name},{d?.Count ?? 0},{Csv(d?.Mean)},{Csv(d?.HalfWidth)},{Csv(d?.Lower)},{Csv(d?.Upper)},{(d?.ExcludesZero == true ? "true" : "false")}\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// The policy's samples over replications: <see cref="FleetReport.SamplesCsv"/>'s columns
    /// holding each sample's mean over replications (its values with one replication), then the
    /// band of the two the chart draws, available and maintenance: min, max and 95 % half-width
    /// (<c>available_min,available_max,available_ci95,maintenance_min,maintenance_max,maintenance_ci95</c>).
    /// </summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="policy">The policy's name.</param>
    /// <returns>The CSV text, header first.</returns>
    /// <exception cref="ArgumentException">No such policy.</exception>
    public static string SamplesCsv(FleetExperimentResult result, string policy)
    {
        ArgumentNullException.ThrowIfNull(result);
        Func<FleetSample, double>[] columns = [s => s.Available, s => s.Active, s => s.Maintenance, s => s.Failed, s => s.Cleaning, s => s.OpenTickets];
        var bands = columns.Select(column => result.Band(policy, column)).ToArray();
        var csv = new StringBuilder("hours,available,active,maintenance,failed,cleaning,open_tickets," +
            "available_min,available_max,available_ci95,maintenance_min,maintenance_max,maintenance_ci95\n");
        for (var i = 0; i < bands[0].Length; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{bands[0][i].Elapsed.TotalHours:0.####}");
            foreach (var band in bands)
            {
                csv.Append(',').Append(Csv(band[i].Estimate.Mean));
            }

            foreach (var band in new[] { bands[0], bands[2] })
            {
                var e = band[i].Estimate;
                csv.Append(CultureInfo.InvariantCulture, $",{Csv(e.Min)},{Csv(e.Max)},{Csv(e.HalfWidth)}");
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    private static string Csv(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;
}
