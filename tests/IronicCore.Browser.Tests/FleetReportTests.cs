using System.Text.Json;
using IronicCore.Cli;
using OpenQA.Selenium;

namespace IronicCore.Browser.Tests;

/// <summary>
/// <c>fleet --out</c>'s report.html, opened from the file in headless Chromium after a small real
/// run: its charts hold the JSON's numbers, its tables the terminal's, and nothing goes wrong.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class FleetReportTests
{
    private static readonly string[] ChartIds = ["available-chart", "maintenance-chart", "repair-chart", "tickets-chart"];

    private string directory = string.Empty;
    private string stdout = string.Empty;
    private HeadlessChromium browser = null!;
    private JsonElement data;

    [OneTimeSetUp]
    public void RunTheFleetAndOpenItsReport()
    {
        directory = Directory.CreateTempSubdirectory("fleet-report-").FullName;
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = IronicSim.Run(["fleet", "--nodes", "500", "--days", "5", "--replications", "3", "--out", directory], output, error);
        Assert.That(code, Is.Zero, error.ToString());
        stdout = output.ToString();

        browser = HeadlessChromium.Start();
        browser.Open(Path.Combine(directory, "report.html"));
        data = JsonDocument.Parse(browser.Script<string>("return document.getElementById('fleet-data').textContent")).RootElement.Clone();
    }

    [OneTimeTearDown]
    public void Close()
    {
        browser?.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public void EveryChart_DrawsEachPointOfItsData()
    {
        foreach (var id in ChartIds)
        {
            var chart = ReportPage.Chart(browser, id);
            var datasets = chart.GetProperty("datasets").EnumerateArray().ToList();
            Assert.That(datasets, Is.Not.Empty, id);
            foreach (var dataset in datasets)
            {
                // Chart.js made one element (a point or a bar) per value, on a canvas of some size.
                Assert.That(dataset.GetProperty("elements").GetInt32(), Is.EqualTo(dataset.GetProperty("data").GetArrayLength()).And.GreaterThan(0), $"{id}: {dataset.GetProperty("label")}");
            }

            Assert.That(chart.GetProperty("width").GetDouble(), Is.GreaterThan(300), id);
            Assert.That(browser.Script<long>("return document.getElementById(arguments[0]).querySelector('table').rows.length", id.Replace("-chart", "-table", StringComparison.Ordinal)),
                Is.GreaterThan(2), $"{id}: no table of its numbers");
        }
    }

    [TestCase("available")]
    [TestCase("maintenance")]
    public void TimeCharts_ShowEachPolicysSeries(string key)
    {
        var datasets = ReportPage.Chart(browser, $"{key}-chart").GetProperty("datasets").EnumerateArray().ToList();
        foreach (var series in data.GetProperty(key).EnumerateArray())
        {
            var policy = series.GetProperty("policy").GetString();
            var line = datasets.Single(d => d.GetProperty("policy").GetString() == policy && !d.GetProperty("band").GetBoolean());
            var days = Numbers(series.GetProperty("days"));
            var points = line.GetProperty("data").EnumerateArray().ToList();
            Assert.Multiple(() =>
            {
                Assert.That(points.Select(p => p.GetProperty("x").GetDouble()), Is.EqualTo(days), policy);
                Assert.That(points.Select(p => p.GetProperty("y").GetDouble()), Is.EqualTo(Numbers(series.GetProperty("mean"))), policy);
                Assert.That(days[^1], Is.EqualTo(5).Within(0.25));
            });
        }
    }

    [Test]
    public void RepairChart_ShowsEachPolicysRepairsByRange()
    {
        var chart = ReportPage.Chart(browser, "repair-chart");
        var repair = data.GetProperty("timeToRepair");
        Assert.That(chart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()), Is.EqualTo(repair.GetProperty("ranges").EnumerateArray().Select(r => r.GetString())));
        foreach (var policy in repair.GetProperty("policies").EnumerateArray())
        {
            var dataset = chart.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("label").GetString() == policy.GetProperty("policy").GetString());
            var counts = Numbers(policy.GetProperty("perReplication"));
            Assert.That(Numbers(dataset.GetProperty("data")), Is.EqualTo(counts));
            Assert.That(counts.Sum(), Is.EqualTo(policy.GetProperty("repairs").GetDouble()).Within(1e-6));
        }
    }

    [Test]
    public void TicketsChart_ShowsTheTicketsTheTerminalPrinted()
    {
        var bars = ReportPage.Chart(browser, "tickets-chart").GetProperty("datasets")[0];
        // The terminal's cell is the replications' mean, one decimal, ± its interval's half-width.
        var printed = TerminalTables()[0].Skip(1).ToDictionary(row => row[0], row => MeanOf(row[6]));
        var policies = data.GetProperty("tickets").EnumerateArray().ToList();
        Assert.That(Numbers(bars.GetProperty("data")), Is.EqualTo(policies.Select(p => p.GetProperty("mean").GetDouble())));
        foreach (var policy in policies)
        {
            Assert.That(policy.GetProperty("mean").GetDouble().ToString("N1", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(printed[policy.GetProperty("policy").GetString()!]));
        }
    }

    [Test]
    public void AvailableSeries_AveragesToTheTerminalsAvailableMean()
    {
        var printed = TerminalTables()[0].Skip(1).ToDictionary(row => row[0], row => MeanOf(row[1]));
        foreach (var series in data.GetProperty("available").EnumerateArray())
        {
            var mean = Numbers(series.GetProperty("mean")).Average();
            Assert.That(mean.ToString("N1", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(printed[series.GetProperty("policy").GetString()!]));
        }
    }

    /// <summary>The mean of a cell printed as <c>mean ± half-width</c>.</summary>
    private static string MeanOf(string cell) => cell.Split(" ± ")[0];

    [Test]
    public void Tables_AreTheTerminalsCellForCell()
    {
        var page = JsonSerializer.Deserialize<List<List<List<string>>>>(browser.Script<string>(
            "return JSON.stringify([...document.querySelectorAll('#results table')].map(t => [...t.rows].map(r => [...r.cells].map(c => c.textContent))))"))!;

        Assert.That(page, Is.EqualTo(TerminalTables()));
    }

    [Test]
    public void Page_LogsNoErrorAndLoadsNothing()
    {
        var problems = browser.Console().Where(entry => entry.Level >= LogLevel.Warning).Select(entry => entry.Message);
        var loaded = browser.Script<long>("return performance.getEntriesByType('resource').length");

        // The console is read at all: an error logged now is seen.
        browser.Script<object?>("console.error('probe of the console log')");
        var probe = browser.Console().Select(entry => entry.Message);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(probe, Has.Some.Contains("probe of the console log"));
            Assert.That(loaded, Is.Zero, "the page fetched something");
        });
    }

    [Test]
    public void Screenshot_IsKeptAsATestArtefact()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "fleet-report.png");
        browser.SaveScreenshot(path);
        TestContext.AddTestAttachment(path, "report.html of fleet --nodes 500 --days 5 --replications 3, in headless Chromium");

        Assert.That(new FileInfo(path).Length, Is.GreaterThan(50_000));
    }

    /// <summary>The terminal's tables (not the wall-time one, which the report leaves out), each a list of rows of cells.</summary>
    private List<List<List<string>>> TerminalTables() =>
        [.. ReportPage.Tables(stdout).Where(t => !t[0].Contains("wall time (s)"))];

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(n => n.GetDouble())];
}
