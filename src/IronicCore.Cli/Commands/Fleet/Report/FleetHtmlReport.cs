using System.Text;
using IronicCore.Fleet;

namespace IronicCore.Cli.Commands.Fleet.Report;

/// <summary>
/// <c>report.html</c>: one self-contained page with the tables the terminal shows and
/// interactive charts of the runs, readable offline from the file alone. The page is our
/// template (<c>report.html</c>, <c>report.js</c>) with Chart.js inlined (embedded in the tool at
/// build time from the npm package pinned in <c>package-lock.json</c>) and the numbers as one
/// JSON blob (<see cref="FleetReportData"/>). Its content security policy lets it load nothing.
/// </summary>
internal static class FleetHtmlReport
{
    /// <summary>The page's name in the <c>--out</c> directory.</summary>
    public const string FileName = "report.html";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the page for <paramref name="result"/>, its differences taken to <paramref name="baseline"/>.</summary>
    public static void Write(string path, FleetExperimentResult result, string baseline)
    {
        var markdown = FleetExperimentReport.Markdown(result, baseline);

        // The data go in last, so nothing in them (a policy's name) is taken for a placeholder.
        var page = Resource("FleetReport.report.html")
            .Replace("/*{{report.js}}*/", Resource("FleetReport.report.js"), StringComparison.Ordinal)
            .Replace("/*{{chart.js}}*/", Resource(ChartJs), StringComparison.Ordinal)
            .Replace("{{data}}", FleetReportData.Json(result, baseline, markdown), StringComparison.Ordinal);
        File.WriteAllText(path, page, Utf8);
    }

    /// <summary>The resource name of Chart.js, inlined in every report page.</summary>
    public const string ChartJs = "FleetReport.chart.umd.min.js";

    /// <summary>A resource of a report page embedded in the tool (<c>IronicCore.Cli.</c> and <paramref name="name"/>).</summary>
    public static string Resource(string name)
    {
        using var stream = typeof(FleetHtmlReport).Assembly.GetManifestResourceStream($"IronicCore.Cli.{name}")
            ?? throw new InvalidOperationException($"The tool was built without its report resource {name}.");
        using var reader = new StreamReader(stream, Utf8);
        return reader.ReadToEnd();
    }
}
