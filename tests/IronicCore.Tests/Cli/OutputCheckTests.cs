using System.Text.Json.Nodes;
using IronicCore.Cli;
using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary>
/// Where a command writes is checked before it runs anything: a path it cannot write is one line
/// and exit 2 at once, not a stack trace after the whole simulation.
/// </summary>
[TestFixture]
public sealed class OutputCheckTests
{
    [TestCase("--out", "/proc/ironic-sim-out")]
    [TestCase("--journal", "/proc/ironic-sim-journal")]
    [TestCase("--out", "/etc/hostname")]
    public void FleetOutputDirectory_ThatCannotBeWritten_IsRefused_BeforeTheRun(string option, string path)
    {
        var (code, stdout, stderr) = Run("fleet", "--nodes", "50", "--days", "1", option, path);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(stdout, Is.Empty, "nothing ran");
            Assert.That(stderr, Does.StartWith($"ironic-sim: {option} {path}: cannot write there: "));
            Assert.That(Lines(stderr), Has.Length.EqualTo(1));
        });
    }

    [TestCase("/proc/ironic-sim.snapshot")]
    [TestCase("/no/such/directory/run.snapshot")]
    [TestCase("/tmp")]
    public void FleetSave_ThatCannotBeWritten_IsRefused_BeforeTheRun(string path)
    {
        var (code, stdout, stderr) = Run("fleet", "--nodes", "50", "--days", "2", "--save-at", "1d", "--save", path);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(stdout, Is.Empty, "nothing ran");
            Assert.That(stderr, Does.StartWith($"ironic-sim: --save {path}: cannot write there: "));
        });
    }

    [Test]
    public void ScenarioEach_WhoseOutputCannotBeWritten_IsRefused_BeforeRunningAnyFile()
    {
        var listing = Path.GetTempFileName();
        var scenario = Path.Combine(TestContext.CurrentContext.TestDirectory, "Scenarios", "bmc-unreachable-power-failure.json");
        var written = Path.ChangeExtension(scenario, null) + ".ours.jsonl";
        File.WriteAllLines(listing, [scenario, "/proc/ironic-sim-scenario.json"]);
        try
        {
            var (code, _, stderr) = Run("scenario", listing, "--each", ".ours.jsonl");

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(IronicSim.BadInput));
                Assert.That(stderr, Does.StartWith("ironic-sim: --each /proc/ironic-sim-scenario.ours.jsonl: cannot write there: "));
                Assert.That(File.Exists(written), Is.False, "the first file did not run");
            });
        }
        finally
        {
            File.Delete(listing);
        }
    }

    [Test]
    public void ScenarioError_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ironic-sim-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"format\": \"ironic-sim/scenario@1\",\n \"nodes\": [],}");
        try
        {
            var (code, _, stderr) = Run("scenario", path);
            var line = JsonNode.Parse(stderr)!;

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(IronicSim.BadInput));
                Assert.That(line["file"]!.GetValue<string>(), Is.EqualTo(path));
                Assert.That(line["error"]!.GetValue<string>(), Is.EqualTo("JSONDecodeError"));
                Assert.That(line["message"]!.GetValue<string>(), Does.StartWith("line 2, column 14: "));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void FleetScenarioError_NamesTheFile_AndTheKey()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ironic-sim-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"workload\": {\"mean_lease\": 3}}");
        try
        {
            var (code, stdout, stderr) = Run("fleet", "--scenario", path);

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(IronicSim.BadInput));
                Assert.That(stdout, Is.Empty);
                Assert.That(stderr, Does.StartWith($"ironic-sim fleet: --scenario {path}: $.workload.mean_lease: takes a duration"));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
