using System.Text;
using System.Text.Json;
using IronicCore.Fleet;

namespace IronicCore.Cli.Commands.Fleet.Report;

/// <summary>
/// The numbers of <c>report.html</c>, as the one JSON object its script draws from: the tables
/// the terminal shows (their cells as printed), and per policy the time series with the
/// replications' band, the times to repair by range, and the tickets of each replication.
/// Deterministic: the same results give the same bytes.
/// </summary>
internal static class FleetReportData
{
    /// <summary>Upper ends (hours) of the time-to-repair ranges; the last range has none.</summary>
    private static readonly double[] RepairBinEnds = [0.5, 1, 2, 4, 8, 16, 24, 48, 96, 192];

    private static readonly string[] RepairBinLabels =
        ["< 30 min", "30 min – 1 h", "1 – 2 h", "2 – 4 h", "4 – 8 h", "8 – 16 h", "16 h – 1 d", "1 – 2 d", "2 – 4 d", "4 – 8 d", "≥ 8 d"];

    /// <summary>The JSON, with every character that could end a <c>&lt;script&gt;</c> element escaped (<c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes, non-ASCII).</summary>
    public static string Json(FleetExperimentResult result, string baseline, string markdown)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("generator", $"ironic-sim {IronicSim.Version}");
            json.WriteNumber("replications", result.Replications);
            json.WriteStartArray("seeds");
            foreach (var seed in result.Seeds)
            {
                // As text: a 64-bit seed is past what a JavaScript number holds exactly.
                json.WriteStringValue(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            json.WriteEndArray();
            json.WriteString("baseline", baseline);
            WriteStrings(json, "policies", result.Policies);
            WriteText(json, markdown);
            WriteSeries(json, "available", result, s => s.Available);
            WriteSeries(json, "maintenance", result, s => s.Maintenance);
            WriteTimesToRepair(json, result);
            WriteTickets(json, result);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The terminal's tables as blocks: a paragraph per line of prose, and per Markdown table its
    /// header, each column's alignment and its rows, cell text exactly as printed.
    /// </summary>
    public static void WriteText(Utf8JsonWriter json, string markdown)
    {
        json.WriteStartArray("text");
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            json.WriteStartObject();
            if (!lines[i].StartsWith('|'))
            {
                json.WriteString("paragraph", lines[i]);
                json.WriteEndObject();
                continue;
            }

            WriteStrings(json, "header", Cells(lines[i]));
            json.WriteStartArray("right");
            foreach (var column in Cells(lines[++i]))
            {
                json.WriteBooleanValue(column.EndsWith(':'));
            }

            json.WriteEndArray();
            json.WriteStartArray("rows");
            for (; i + 1 < lines.Length && lines[i + 1].StartsWith('|'); i++)
            {
                json.WriteStartArray();
                foreach (var cell in Cells(lines[i + 1]))
                {
                    json.WriteStringValue(cell);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string[] Cells(string row) => [.. row.Trim().Trim('|').Split('|').Select(cell => cell.Trim())];

    /// <summary>Per policy, at each sample: days since the start, and the replications' mean, min and max.</summary>
    private static void WriteSeries(Utf8JsonWriter json, string name, FleetExperimentResult result, Func<FleetSample, double> value)
    {
        json.WriteStartArray(name);
        foreach (var policy in result.Policies)
        {
            var band = result.Band(policy, value);
            json.WriteStartObject();
            json.WriteString("policy", policy);
            WriteNumbers(json, "days", band.Select(p => Math.Round(p.Elapsed.TotalDays, 6)));
            WriteNumbers(json, "mean", band.Select(p => Math.Round(p.Estimate.Mean, 3)));
            WriteNumbers(json, "min", band.Select(p => p.Estimate.Min));
            WriteNumbers(json, "max", band.Select(p => p.Estimate.Max));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// The times to repair of every replication, counted by range (ranges double, so minutes and
    /// days fit one axis), as repairs per replication; and each policy's repairs per replication.
    /// </summary>
    private static void WriteTimesToRepair(Utf8JsonWriter json, FleetExperimentResult result)
    {
        json.WriteStartObject("timeToRepair");
        WriteStrings(json, "ranges", RepairBinLabels);
        json.WriteStartArray("policies");
        foreach (var policy in result.Policies)
        {
            var counts = new int[RepairBinLabels.Length];
            var repairs = 0;
            foreach (var run in result.Results(policy))
            {
                foreach (var time in run.TimesToRepair)
                {
                    var bin = Array.FindIndex(RepairBinEnds, end => time.TotalHours < end);
                    counts[bin < 0 ? RepairBinEnds.Length : bin]++;
                    repairs++;
                }
            }

            json.WriteStartObject();
            json.WriteString("policy", policy);
            json.WriteNumber("repairs", Math.Round((double)repairs / result.Replications, 3));
            WriteNumbers(json, "perReplication", counts.Select(count => Math.Round((double)count / result.Replications, 3)));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Each policy's human tickets in every replication, their mean and its 95 % interval (none with one replication).</summary>
    private static void WriteTickets(Utf8JsonWriter json, FleetExperimentResult result)
    {
        json.WriteStartArray("tickets");
        foreach (var policy in result.Policies)
        {
            var estimate = result.Estimate(policy, FleetMetric.HumanTickets);
            json.WriteStartObject();
            json.WriteString("policy", policy);
            WriteNumbers(json, "values", result.Results(policy).Select(run => (double)run.HumanTickets));
            json.WriteNumber("mean", Math.Round(estimate?.Mean ?? 0, 3));
            WriteNullable(json, "lower", estimate?.Lower);
            WriteNullable(json, "upper", estimate?.Upper);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, Math.Round(number, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
