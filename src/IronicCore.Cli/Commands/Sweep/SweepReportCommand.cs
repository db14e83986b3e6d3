using System.ComponentModel;
using System.Text;
using IronicCore.Cli.Commands.Sweep.Report;
using IronicCore.Fleet;
using IronicCore.Sweeps;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Sweep;

/// <summary>
/// <c>ironic-sim sweep report DIR</c>: merges the cells done into tables with 95 % confidence intervals
/// (printed, and in <c>report.md</c>), <c>cells.csv</c>, <c>estimates.csv</c>, one chart per metric and
/// swept parameter, and <c>report.html</c>, in <c>--out</c> (default DIR/report). The same cells give the same bytes.
/// </summary>
internal sealed class SweepReportCommand(CliOutput output) : Command<SweepReportCommand.Settings>
{
    /// <summary>The metrics of the tables and charts without <c>--metrics</c>.</summary>
    public static readonly IReadOnlyList<FleetMetric> DefaultMetrics =
        [FleetMetric.AvailableMean, FleetMetric.TenantVisibleFailures, FleetMetric.HumanTickets, FleetMetric.TimeToRepairMedian];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public sealed class Settings : CommandSettings
    {
        // Optional to Spectre, required by the command: a bad option is then named before a missing directory.
        [CommandArgument(0, "[DIR]")]
        [Description("The sweep directory.")]
        public string? Directory { get; init; }

        [CommandOption("--out <REPORTDIR>")]
        [Description("Where the report's files go (default: DIR/report).")]
        public string? Out { get; init; }

        [CommandOption("--baseline <POLICY>")]
        [Description("The policy the others' paired differences are taken to (default hold, or the first policy when hold is not run).")]
        public string? Baseline { get; init; }

        [CommandOption("--metrics <LIST>")]
        [Description("Comma-separated metrics of the tables and charts, by their CSV names (default: available_mean,tenant_visible_failures,human_tickets,time_to_repair_median_hours).")]
        public string? Metrics { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        SweepReport report;
        IReadOnlyList<FleetMetric> metrics;
        string directory;
        string? baseline;
        try
        {
            metrics = Metrics(settings.Metrics);
            var sweep = SweepDirectory.Open(settings.Directory ?? throw new InputRefusedException("DIR is required: the sweep directory"));
            report = SweepReport.Of(sweep);
            if (report.Cells.IsEmpty)
            {
                throw new InputRefusedException($"{sweep.Path}: no cell is done yet; nothing to report");
            }

            baseline = Baseline(settings.Baseline, sweep.Plan.Policies);
            directory = settings.Out ?? Path.Combine(sweep.Path, "report");
            OutputPath.Directory("--out", directory);
        }
        catch (Exception error) when (error is InputRefusedException or SweepDirectoryException or FormatException or IOException or UnauthorizedAccessException)
        {
            output.Error.WriteLine($"ironic-sim sweep report: {error.Message}");
            return IronicSim.BadInput;
        }

        var markdown = report.Markdown(metrics, baseline);
        output.Out.Write(markdown);
        File.WriteAllText(Path.Combine(directory, "report.md"), markdown, Utf8);
        File.WriteAllText(Path.Combine(directory, "cells.csv"), report.CellsCsv(), Utf8);
        File.WriteAllText(Path.Combine(directory, "estimates.csv"), report.EstimatesCsv(), Utf8);
        var charts = SweepChart.Write(directory, report, metrics);
        SweepHtmlReport.Write(Path.Combine(directory, SweepHtmlReport.FileName), report, metrics, markdown);
        output.Out.WriteLine($"\nWrote report.md, cells.csv, estimates.csv, {Plural.Of(charts.Count, "chart")} and {SweepHtmlReport.FileName} to {directory}");
        return 0;
    }

    /// <summary><c>--baseline</c>, checked against the plan's policies; without it <c>hold</c>, or the first policy when hold is not run.</summary>
    /// <exception cref="InputRefusedException">Not one of the plan's policies.</exception>
    private static string Baseline(string? name, IReadOnlyList<string> policies) => name switch
    {
        null => policies.Contains("hold") ? "hold" : policies[0],
        _ when policies.Contains(name) => name,
        _ => throw new InputRefusedException($"--baseline {name}: not one of the plan's policies ({string.Join(", ", policies)})"),
    };

    /// <summary><c>--metrics</c>, checked, or <see cref="DefaultMetrics"/>.</summary>
    /// <exception cref="InputRefusedException">A name is unknown or repeated.</exception>
    private static IReadOnlyList<FleetMetric> Metrics(string? names)
    {
        if (names is null)
        {
            return DefaultMetrics;
        }

        var chosen = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var known = string.Join(", ", FleetMetric.All.Select(m => m.Name));
        if (chosen.Length == 0 || chosen.Distinct(StringComparer.Ordinal).Count() != chosen.Length)
        {
            throw new InputRefusedException($"--metrics needs distinct names from: {known}");
        }

        return [.. chosen.Select(name => FleetMetric.All.FirstOrDefault(m => m.Name == name)
            ?? throw new InputRefusedException($"--metrics: unknown metric \"{name}\"; known: {known}"))];
    }
}
