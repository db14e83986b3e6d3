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
        File.WriteAllText(path, Page("FleetReport", FleetReportData.Json(result, baseline, markdown)), Utf8);
    }

    /// <summary>
    /// A report page: the template <c>{folder}.report.html</c> with the pages' shared look and
    /// helpers, Chart.js and its own script inlined, and <paramref name="data"/> (JSON, escaped
    /// for a script element) as its numbers.
    /// </summary>
    public static string Page(string folder, string data) =>
        // The data go in last, so nothing in them (a policy's name) is taken for a placeholder.
        Resource($"{folder}.report.html")
            .Replace("/*{{report-page.css}}*/", Resource("FleetReport.report-page.css"), StringComparison.Ordinal)
            .Replace("/*{{report-page.js}}*/", Resource("FleetReport.report-page.js"), StringComparison.Ordinal)
            .Replace("/*{{report.js}}*/", Resource($"{folder}.report.js"), StringComparison.Ordinal)
            .Replace("/*{{chart.js}}*/", Resource("FleetReport.chart.umd.min.js"), StringComparison.Ordinal)
            .Replace("{{data}}", data, StringComparison.Ordinal);

    private static string Resource(string name)
    {
        using var stream = typeof(FleetHtmlReport).Assembly.GetManifestResourceStream($"IronicCore.Cli.{name}")
            ?? throw new InvalidOperationException($"The tool was built without its report resource {name}.");
        using var reader = new StreamReader(stream, Utf8);
        return reader.ReadToEnd();
    }
}
