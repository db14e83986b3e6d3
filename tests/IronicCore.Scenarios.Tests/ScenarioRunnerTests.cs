using System.Text.Json.Nodes;

namespace IronicCore.Scenarios.Tests;

/// <summary>
/// The scenario runner against Ironic itself: each file under Scenarios/ has beside it the output of
/// the oracle of the release the file names (<c>X.json</c> and its <c>X.master.json</c> copy run the
/// same steps on 21.4 and on master), and ours must match line by line, every value exactly:
/// <c>last_error</c> and <c>maintenance_reason</c> are Ironic's words, which users match on.
/// </summary>
[TestFixture]
public sealed class ScenarioRunnerTests
{
    private static string ScenarioDirectory => Path.Combine(TestContext.CurrentContext.TestDirectory, "Scenarios");

    private static IEnumerable<TestCaseData> OracleScenarios() => OracleFiles.ScenariosWith(".expected.jsonl");

    [TestCaseSource(nameof(OracleScenarios))]
    public void Scenario_MatchesTheOracleOfItsRelease_LineByLine(string file)
    {
        var path = Path.Combine(ScenarioDirectory, file);
        var expected = File.ReadAllLines(Path.ChangeExtension(path, ".expected.jsonl"));

        var actual = Lines(path);

        Assert.That(actual, Has.Length.EqualTo(expected.Length));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.That(Comparable(actual[i]), Is.EqualTo(Comparable(expected[i])), $"step {i + 1}");
            }
        });
    }

    [Test]
    public void Scenario_SameFileTwice_GivesIdenticalOutput()
    {
        var path = Path.Combine(ScenarioDirectory, "bmc-unreachable-power-failure.json");

        var first = Lines(path);
        var second = Lines(path);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void RunToEnd_HandsOverTheConductorAsTheLastStepLeftIt()
    {
        var scenario = Scenario.Load(Path.Combine(ScenarioDirectory, "bmc-unreachable-power-failure.json"));
        var runner = new ScenarioRunner(scenario);
        var last = runner.Run().Last();

        var conductor = ScenarioRunner.RunToEnd(scenario);

        Assert.Multiple(() =>
        {
            Assert.That(scenario.NodeNames, Is.EqualTo(new[] { "node-0" }));
            Assert.That(conductor.Clock.GetUtcNow(), Is.EqualTo(runner.Conductor.Clock.GetUtcNow()));
            Assert.That(
                conductor.GetNode("node-0").ProvisionState.ToString(),
                Is.EqualTo(runner.Conductor.GetNode("node-0").ProvisionState.ToString()));
            Assert.That(last["step"]!.GetValue<int>(), Is.GreaterThan(1));
        });
    }

    [TestCase("""{"format": "ironic-sim/scenario@1", "options": {"conductor.no_such_option": 1}, "nodes": [{"name": "n"}], "steps": []}""", "UnknownOption")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "options": {"ipmi.no_such_option": 1}, "nodes": [{"name": "n"}], "steps": []}""", "UnknownOption")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "options": {"ipmi.min_command_interval": "5"}, "nodes": [{"name": "n"}], "steps": []}""", "InvalidOptionValue")]
    [TestCase("""not json""", "JSONDecodeError")]
    public void Parse_BadFile_IsRefusedBeforeAnythingRuns(string content, string error) =>
        Assert.That(() => Scenario.Parse(content), Throws.TypeOf<ScenarioException>().With.Property(nameof(ScenarioException.Error)).EqualTo(error));

    [Test]
    public void Load_MissingFile_IsAFileError() =>
        Assert.That(
            () => Scenario.Load(Path.Combine(ScenarioDirectory, "no-such-file.json")),
            Throws.TypeOf<ScenarioException>().With.Property(nameof(ScenarioException.Error)).EqualTo("FileError"));

    /// <summary>The runner's lines, written as the oracle writes them.</summary>
    private static string[] Lines(string path) =>
        [.. new ScenarioRunner(Scenario.Load(path)).Run().Select(line => JsonLine.Format(line))];

    /// <summary>A line as JSON text in one spelling, so that only values are compared.</summary>
    private static string Comparable(string line) => JsonNode.Parse(line)!.ToJsonString();
}
