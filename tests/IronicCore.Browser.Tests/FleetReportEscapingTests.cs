using System.Collections.Immutable;
using IronicCore.Cli.Commands.Fleet.Report;
using IronicCore.Fleet;
using OpenQA.Selenium;

namespace IronicCore.Browser.Tests;

/// <summary>
/// A policy's name is text wherever report.html shows it: a name that looks like markup (a
/// policy from any assembly may be named so) neither ends the data's script element nor runs.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class FleetReportEscapingTests
{
    private const string Hostile = "</script><img src=x onerror=\"document.title='ran'\">&amp;";

    [Test]
    public void PolicyNameThatLooksLikeMarkup_IsShownAsText()
    {
        var directory = Directory.CreateTempSubdirectory("fleet-report-").FullName;
        try
        {
            var path = Path.Combine(directory, FleetHtmlReport.FileName);
            string[] policies = ["hold", Hostile];
            var runs = policies.SelectMany((policy, p) => new[] { 3, 5 }.Select((tickets, r) => new FleetExperimentRun(p, r, (ulong)r + 1, Result(policy, tickets + p), TimeSpan.Zero)));
            FleetHtmlReport.Write(path, new FleetExperimentResult(new FleetScenario(), policies, [1UL, 2UL], runs), "hold");

            using var browser = HeadlessChromium.Start();
            browser.Open(path);
            var rowNames = System.Text.Json.JsonSerializer.Deserialize<string[]>(
                browser.Script<string>("return JSON.stringify([...document.querySelectorAll('#results tbody th')].map(th => th.textContent))"));

            Assert.Multiple(() =>
            {
                Assert.That(File.ReadAllText(path), Does.Not.Contain(Hostile));
                Assert.That(browser.Script<long>("return document.querySelectorAll('img').length"), Is.Zero);
                Assert.That(browser.Script<string>("return document.title"), Is.EqualTo("Fleet report"));
                Assert.That(rowNames, Does.Contain(Hostile));
                Assert.That(browser.Console().Where(entry => entry.Level >= LogLevel.Warning).Select(entry => entry.Message), Is.Empty);
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static FleetResult Result(string policy, int tickets) => new()
    {
        Policy = policy,
        AvailableMean = 9.5,
        AvailableMin = 9,
        TenantVisibleFailures = 0,
        UnservedInstances = 0,
        MaintenanceByHour = [0, 1],
        HumanTickets = tickets,
        Repairs = 1,
        TimeToRepairMedian = TimeSpan.FromHours(1),
        TimeToRepairP95 = TimeSpan.FromHours(1),
        TimesToRepair = [TimeSpan.FromHours(1)],
        Transitions = 5,
        Events = 9,
        NoFreeWorkerRefusals = 0,
        ConcurrentActionLimitRefusals = 0,
        ConductorDeaths = 0,
        TakeoverAborts = 0,
        Samples = ImmutableArray.Create(new FleetSample(TimeSpan.FromMinutes(15), 10, 5, 0, 0, 0, 0), new FleetSample(TimeSpan.FromMinutes(30), 9, 6, 1, 0, 0, 1)),
    };
}
