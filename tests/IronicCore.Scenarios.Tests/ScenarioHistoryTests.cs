using System.Text.Json.Nodes;

namespace IronicCore.Scenarios.Tests;

/// <summary>
/// Node history against Ironic's: a scenario's output cannot show <c>baremetal node history list</c>,
/// so each <c>X.history.jsonl</c> beside a scenario holds the entries Ironic's own
/// <c>node_history</c> table had after the oracle's run of <c>X.json</c> (<c>.ci/oracle-history</c>),
/// and ours must hold the same entries, node by node, in the same order, with the same type, severity
/// and words: client authors read them.
/// </summary>
[TestFixture]
public sealed class ScenarioHistoryTests
{
    private static string ScenarioDirectory => Path.Combine(TestContext.CurrentContext.TestDirectory, "Scenarios");

    private const string HistoryFile = ".history.jsonl";

    private static IEnumerable<TestCaseData> HistoryScenarios() => OracleFiles.ScenariosWith(HistoryFile);

    [TestCaseSource(nameof(HistoryScenarios))]
    public void NodeHistory_MatchesIronicsHistoryTable_EntryByEntry(string file)
    {
        var path = Path.Combine(ScenarioDirectory, file);
        var expected = File.ReadAllLines(OracleFiles.Companion(path, HistoryFile))
            .Where(line => line.Length > 0)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Select(Line)
            .ToList();
        var runner = new ScenarioRunner(Scenario.Load(path));

        runner.RunToEnd();
        var actual = runner.History().Select(Line).ToList();

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void HistoryFiles_EachHaveTheirScenario() =>
        Assert.That(
            Directory.EnumerateFiles(OracleFiles.Directory, "*" + HistoryFile, SearchOption.AllDirectories)
                .Where(f => !File.Exists(f[..^HistoryFile.Length] + ".json")),
            Is.Empty);

    private static string Line(JsonObject entry) =>
        $"{entry["node"]} {entry["event_type"]} {entry["severity"]}: {entry["event"]}";
}
