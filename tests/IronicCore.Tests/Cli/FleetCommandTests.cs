using System.Text.RegularExpressions;
using IronicCore.Cli;

namespace IronicCore.Tests.Cli;

[TestFixture]
public sealed partial class FleetCommandTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("fleet-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void SameSeed_GivesByteIdenticalTablesAndCsv()
    {
        var first = Fleet("--nodes", "300", "--days", "3", "--seed", "5", "--out", Path.Combine(directory, "a"));
        var second = Fleet("--nodes", "300", "--days", "3", "--seed", "5", "--out", Path.Combine(directory, "b"));

        Assert.Multiple(() =>
        {
            Assert.That(Deterministic(second.Out), Is.EqualTo(Deterministic(first.Out)));
            foreach (var file in new[] { "summary.csv", "hold.csv", "reparo.csv", "fail-fast.csv" })
            {
                Assert.That(File.ReadAllBytes(Path.Combine(directory, "b", file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(directory, "a", file))), file);
            }

            Assert.That(new FileInfo(Path.Combine(directory, "a", "fleet.png")).Length, Is.GreaterThan(10_000));
        });
    }

    [Test]
    public void DifferentSeed_GivesADifferentRun()
    {
        var first = Fleet("--nodes", "300", "--days", "3", "--seed", "5", "--policies", "hold");
        var second = Fleet("--nodes", "300", "--days", "3", "--seed", "6", "--policies", "hold");

        Assert.That(Deterministic(second.Out), Is.Not.EqualTo(Deterministic(first.Out)));
    }

    [Test]
    public void Table_HasOneRowPerPolicy_WithEveryMeasure_ThenThePeakMemoryANode()
    {
        var run = Fleet("--nodes", "200", "--days", "2");

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Zero);
            Assert.That(run.Out, Does.Contain("| available mean | available min | tenant-visible failures |")
                .And.Contain("human tickets | time to repair median | time to repair p95 | transitions |")
                .And.Contain("events/s of wall time"));
            Assert.That(run.Out, Does.Match(@"Peak resident memory: [0-9,]+ MB, [0-9,]+ bytes a node of the fleet \(15 runs in the process\)\."));
            foreach (var policy in new[] { "hold", "reparo", "fail-fast" })
            {
                Assert.That(run.Out, Does.Contain($"| {policy} | "));
            }
        });
    }

    [TestCase("--nodes", "0", "nodes must be from 1")]
    [TestCase("--days", "0", "days must be from 1")]
    [TestCase("--policies", "hold,nope", "unknown policy \"nope\"")]
    [TestCase("--policies", "hold,hold", "distinct names")]
    [TestCase("--scenario", "/no/such/file.json", "--scenario /no/such/file.json")]
    [TestCase("--policy-assembly", "/no/such/policies.dll", "--policy-assembly /no/such/policies.dll")]
    public void BadInput_ExitsTwo_SaysWhy_AndRunsNothing(string option, string value, string reason)
    {
        var run = Fleet(option, value);

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(run.Out, Is.Empty);
            Assert.That(run.Error, Does.Contain(reason));
        });
    }

    [Test]
    public void ScenarioFile_SetsTheFleet_AndIronicsOptionsByTheirNames()
    {
        var file = Path.Combine(directory, "scenario.json");
        File.WriteAllText(file, """
            {
              "nodes": 150, "conductors": 2, "days": 2, "seed": 9,
              "workload": { "utilization": 0.5, "mean_lease": "1.00:00:00" },
              "faults": [ { "kind": "disk", "rate_per_node_year": 2, "masked_fraction": 0.5 } ],
              "operators": { "count": 1, "weekends": true },
              "options": { "conductor.max_concurrent_clean": 10 }
            }
            """);

        var run = Fleet("--scenario", file, "--policies", "hold");

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Zero, run.Error);
            Assert.That(run.Out, Does.StartWith("Fleet: 150 nodes, 2 conductors, 2 days, seed 9, 1 operator, max_concurrent_deploy 250, max_concurrent_clean 10"));
        });
    }

    [Test]
    public void Nodes_ScalesTheDataCentre_ConductorsOperatorsAndFleetWideCapsAlongWithTheNodes()
    {
        var run = Fleet("--nodes", "2000", "--days", "1", "--policies", "hold");

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Zero, run.Error);
            Assert.That(run.Out, Does.StartWith("Fleet: 2,000 nodes, 1 conductor, 1 day, seed 42, 1 operator, max_concurrent_deploy 50, max_concurrent_clean 10"));
        });
    }

    [TestCase("""{ "nodes": 10, "colour": "blue" }""", "colour")]
    [TestCase("""{ "options": { "conductor.no_such_option": 1 } }""", "no_such_option")]
    [TestCase("""{ "options": { "ipmi.min_command_interval": 1 } }""", "Option ipmi.min_command_interval is not simulated by IronicCore")]
    [TestCase("""{ "faults": [ { "kind": "toaster" } ] }""", "$.faults[0].kind")]
    [TestCase("""{ "ironic_release": "9.0" }""", "ironic_release")]
    [TestCase("""[]""", "JSON object")]
    public void ScenarioFile_Bad_IsRefused(string json, string reason)
    {
        var file = Path.Combine(directory, "scenario.json");
        File.WriteAllText(file, json);

        var run = Fleet("--scenario", file);

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(run.Error, Does.Contain(reason));
        });
    }

    [Test]
    public void PolicyAssembly_AddsItsPolicies_ToTheRun()
    {
        var assembly = typeof(CustomPolicy.TriagePolicy).Assembly.Location;

        var run = Fleet("--nodes", "200", "--days", "2", "--policy-assembly", assembly, "--policies", "hold,triage");

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Zero, run.Error);
            Assert.That(run.Out, Does.Contain("| triage | "));
        });
    }

    [Test]
    public void FleetDocs_ShowTheCurrentOutputOfTheirSmallRun()
    {
        var docs = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "fleet.md")).ReplaceLineEndings("\n");
        var block = DocsBlock().Match(docs);
        Assert.That(block.Success, "docs/fleet.md has no small-run block");

        var run = Fleet(block.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.That(block.Groups["table"].Value, Is.EqualTo(Deterministic(run.Out)),
            "docs/fleet.md is stale: run docs/fleet/regenerate.sh");
    }

    [Test]
    public void FleetDocs_ScenarioFileExample_Runs()
    {
        var docs = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "fleet.md")).ReplaceLineEndings("\n");
        var file = Path.Combine(directory, "example.json");
        File.WriteAllText(file, JsonBlock().Match(docs).Groups["json"].Value);

        var run = Fleet("--scenario", file, "--nodes", "50", "--days", "1", "--policies", "hold");

        Assert.That(run.Code, Is.Zero, run.Error);
    }

    private static (int Code, string Out, string Error) Fleet(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = IronicSim.Run(["fleet", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The output without the wall-time table, which no two runs share.</summary>
    private static string Deterministic(string output) => output[..output.IndexOf("| policy | events |", StringComparison.Ordinal)];

    [GeneratedRegex("```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex("<!-- small-run: ironic-sim fleet (?<args>[^>]*) -->\n```\n(?<table>.*?)```", RegexOptions.Singleline)]
    private static partial Regex DocsBlock();
}
