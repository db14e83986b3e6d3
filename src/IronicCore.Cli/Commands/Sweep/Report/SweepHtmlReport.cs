using System.Globalization;
using System.Text;
using System.Text.Json;
using IronicCore.Cli.Commands.Fleet.Report;
using IronicCore.Fleet;
using IronicCore.Sweeps;

namespace IronicCore.Cli.Commands.Sweep.Report;

/// <summary>
/// The sweep's <c>report.html</c>: one self-contained page, like the fleet's (the same embedding of
/// Chart.js, the same content security policy), with the tables <c>sweep report</c> prints and per
/// metric and swept parameter an interactive chart of the means with their 95 % intervals. The
/// numbers are one JSON blob; deterministic: the same cells give the same bytes.
/// </summary>
internal static class SweepHtmlReport
{
    /// <summary>The page's name in the report directory.</summary>
    public const string FileName = "report.html";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, SweepReport report, IReadOnlyList<FleetMetric> metrics, string markdown)
    {
        File.WriteAllText(path, FleetHtmlReport.Page("SweepReport", Json(report, metrics, markdown)), Utf8);
    }

    /// <summary>The page's numbers, every character that could end a <c>&lt;script&gt;</c> element escaped.</summary>
    public static string Json(SweepReport report, IReadOnlyList<FleetMetric> metrics, string markdown)
    {
        var plan = report.Plan;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("generator", $"ironic-sim {IronicSim.Version}");
            json.WriteNumber("replications", plan.Replications);
            json.WriteString("seed", plan.Seed.ToString(CultureInfo.InvariantCulture));
            FleetReportData.WriteStrings(json, "policies", plan.Policies);
            FleetReportData.WriteStrings(json, "parameters", plan.Parameters.Select(p => p.Path));
            FleetReportData.WriteText(json, markdown);
            json.WriteStartArray("charts");
            for (var parameter = 0; parameter < plan.Parameters.Length; parameter++)
            {
                foreach (var metric in metrics)
                {
                    foreach (var slice in report.Slices(parameter).Take(SweepChart.MaxSlices))
                    {
                        WriteChart(json, report, metric, slice);
                    }
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>One chart: the parameter's values, what the other parameters hold, and per policy the mean and interval at each value (null where none).</summary>
    private static void WriteChart(Utf8JsonWriter json, SweepReport report, FleetMetric metric, SweepSlice slice)
    {
        var plan = report.Plan;
        var parameter = plan.Parameters[slice.Parameter];
        json.WriteStartObject();
        json.WriteString("metric", metric.Name);
        json.WriteString("label", metric.Label);
        json.WriteString("unit", metric.Unit.ToString().ToLowerInvariant());
        json.WriteString("parameter", parameter.Path);
        json.WriteString("fixed", SweepChart.Fixed(report, slice));
        FleetReportData.WriteStrings(json, "values", parameter.Values.Select(SweepReport.Text));
        json.WriteStartArray("n");
        foreach (var point in slice.Points)
        {
            json.WriteNumberValue(report.Done[point]);
        }

        json.WriteEndArray();
        json.WriteStartArray("series");
        for (var policy = 0; policy < plan.Policies.Length; policy++)
        {
            var estimates = slice.Points.Select(point => report.Estimate(point, policy, metric)).ToList();
            json.WriteStartObject();
            json.WriteString("policy", plan.Policies[policy]);
            Numbers(json, "mean", estimates.Select(e => e?.Mean));
            Numbers(json, "lower", estimates.Select(e => e?.Lower));
            Numbers(json, "upper", estimates.Select(e => e?.Upper));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter json, string name, IEnumerable<double?> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            if (value is { } number)
            {
                json.WriteNumberValue(Math.Round(number, 3));
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }
}
