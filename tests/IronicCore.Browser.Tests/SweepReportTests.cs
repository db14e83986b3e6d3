using System.Text.Json;
using IronicCore.Cli;
using OpenQA.Selenium;

namespace IronicCore.Browser.Tests;

/// <summary>
/// <c>sweep report</c>'s report.html, opened from the file in headless Chromium after a small real
/// sweep: its tables are the terminal's, its charts hold the JSON's numbers, and nothing goes wrong.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SweepReportTests
{
    private const string Plan = """
        {
          "scenario": { "nodes": 100, "conductors": 1, "days": 1 },
          "parameters": [ { "path": "faults[3].rate_per_node_year", "values": [0.06, 20] }, { "path": "workload.utilization", "values": [0.5, 0.8] } ],
          "policies": ["hold", "fail-fast"],
          "replications": 2,
          "seed": 7
        }
        """;

    private string directory = string.Empty;
    private string stdout = string.Empty;
    private HeadlessChromium browser = null!;
    private JsonElement data;

    [OneTimeSetUp]
    public void RunTheSweepAndOpenItsReport()
    {
        directory = Directory.CreateTempSubdirectory("sweep-report-").FullName;
        File.WriteAllText(Path.Combine(directory, "plan.json"), Plan);
        Assert.That(Run("sweep", Path.Combine(directory, "plan.json"), "--out", Path.Combine(directory, "sweep")).Code, Is.Zero);
        (var code, stdout, var error) = Run("sweep", "report", Path.Combine(directory, "sweep"), "--out", Path.Combine(directory, "report"));
        Assert.That(code, Is.Zero, error);

        browser = HeadlessChromium.Start();
        browser.Open(Path.Combine(directory, "report", "report.html"));
        data = JsonDocument.Parse(browser.Script<string>("return document.getElementById('sweep-data').textContent")).RootElement.Clone();
    }

    [OneTimeTearDown]
    public void Close()
    {
        browser?.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public void Tables_AreTheTerminalsCellForCell()
    {
        var page = JsonSerializer.Deserialize<List<List<List<string>>>>(browser.Script<string>(
            "return JSON.stringify([...document.querySelectorAll('#tables table')].map(t => [...t.rows].map(r => [...r.cells].map(c => c.textContent))))"))!;

        Assert.That(page, Is.EqualTo(TerminalTables()));
    }

    [Test]
    public void EveryChart_DrawsEachPolicysMeans_ForEveryValueOfItsParameter()
    {
        var charts = data.GetProperty("charts").EnumerateArray().ToList();
        var canvases = browser.Script<long>("return document.querySelectorAll('#charts canvas').length");

        // 4 metrics × (2 slices along each of the 2 parameters).
        Assert.That(charts, Has.Count.EqualTo(16));
        Assert.That(canvases, Is.EqualTo(charts.Count));
        for (var k = 0; k < charts.Count; k++)
        {
            var chart = ReportPage.Chart(browser, $"chart-{k}");
            var values = charts[k].GetProperty("values").EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.That(chart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()), Is.EqualTo(values));
            Assert.That(chart.GetProperty("width").GetDouble(), Is.GreaterThan(300));
            foreach (var series in charts[k].GetProperty("series").EnumerateArray())
            {
                var policy = series.GetProperty("policy").GetString();
                var line = chart.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("policy").GetString() == policy && !d.GetProperty("band").GetBoolean());
                Assert.Multiple(() =>
                {
                    Assert.That(line.GetProperty("data").GetRawText(), Is.EqualTo(series.GetProperty("mean").GetRawText()), $"chart {k} {policy}");
                    Assert.That(line.GetProperty("elements").GetInt32(), Is.EqualTo(values.Count), $"chart {k} {policy}");
                });
            }
        }
    }

    [Test]
    public void Page_LogsNoErrorAndLoadsNothing()
    {
        var problems = browser.Console().Where(entry => entry.Level >= LogLevel.Warning).Select(entry => entry.Message);
        var loaded = browser.Script<long>("return performance.getEntriesByType('resource').length");

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(loaded, Is.Zero, "the page fetched something");
            Assert.That(browser.Script<string>("return document.getElementById('sweep').textContent"), Does.StartWith("Sweep of 4 points × 2 replications (8 of 8 cells done)"));
        });
    }

    [Test]
    public void Screenshot_IsKeptAsATestArtefact()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "sweep-report.png");
        browser.SaveScreenshot(path);
        TestContext.AddTestAttachment(path, "report.html of a 4-point sweep, in headless Chromium");

        Assert.That(new FileInfo(path).Length, Is.GreaterThan(20_000));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = IronicSim.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The terminal's tables, each a list of rows of cells.</summary>
    private List<List<List<string>>> TerminalTables() => ReportPage.Tables(stdout);
}
