using System.Text.Json.Nodes;
using IronicCore.Cli;
using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary>
/// <c>ironic-sim scenario</c>: the IronicCore.Scenarios runner's lines on stdout, the file's
/// problems as one JSON line on stderr with exit 2. (tests/IronicCore.Scenarios.Tests runs every
/// scenario file against Ironic's own output.)
/// </summary>
[TestFixture]
public sealed class ScenarioCommandTests
{
    private static string ScenarioDirectory => Path.Combine(TestContext.CurrentContext.TestDirectory, "Scenarios");

    [Test]
    public void Scenario_PrintsIronic21_4sLines()
    {
        var path = Path.Combine(ScenarioDirectory, "bmc-unreachable-power-failure.json");
        var expected = File.ReadAllLines(Path.ChangeExtension(path, ".expected.jsonl"));

        var (code, stdout, stderr) = Run("scenario", path);
        var actual = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(code, Is.Zero, stderr);
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
    public void History_PrintsTheNodeHistoryTable_AsIronicsReadsAfterTheOraclesRun()
    {
        var path = Path.Combine(ScenarioDirectory, "bmc-unreachable-power-failure.json");
        var expected = File.ReadAllLines(Path.ChangeExtension(path, ".history.jsonl")).Select(Comparable);

        var (code, stdout, stderr) = Run("scenario", path, "--history");

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Comparable), Is.EqualTo(expected).And.Not.Empty);
    }

    [Test]
    public void History_WithGenerate_IsRefused()
    {
        var (code, stdout, stderr) = Run("scenario", "--generate", "1", "--history");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.Contain("--history cannot be used with --generate"));
        });
    }

    [Test]
    public void Scenario_SameFileTwice_GivesIdenticalOutput()
    {
        var path = Path.Combine(ScenarioDirectory, "bmc-unreachable-power-failure.json");

        var first = Run("scenario", path);
        var second = Run("scenario", path);

        Assert.That(second.Stdout, Is.EqualTo(first.Stdout));
    }

    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n"}], "steps": [], "extra": 1}""", "InvalidScenario")]
    [TestCase("""{"format": "ironic-sim/scenario@2", "nodes": [{"name": "n"}], "steps": []}""", "InvalidScenario")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n"}], "steps": [{"op": "teleport"}]}""", "UnknownOp")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n"}], "steps": [{"op": "power", "node": "m", "target": "power on"}]}""", "UnknownNode")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "options": {"conductor.no_such_option": 1}, "nodes": [{"name": "n"}], "steps": []}""", "UnknownOption")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "options": {"conductor.automated_clean": "yes"}, "nodes": [{"name": "n"}], "steps": []}""", "InvalidOptionValue")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n", "maintenance": "yes"}], "steps": []}""", "InvalidScenario")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n", "provision_state": "clean-wait"}], "steps": []}""", "InvalidScenario")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n"}], "steps": [{"op": "advance", "seconds": -1}]}""", "InvalidScenario")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n", "driver": "ipmi"}], "steps": [{"op": "bmc", "node": "n", "reachable": true, "reset_fails": true}]}""", "InvalidScenario")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n", "driver": "redfish"}], "steps": [{"op": "bmc", "node": "n", "reachable": true, "insert_media_fails": "yes"}]}""", "InvalidScenario")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "a", "driver": "redfish", "driver_info": {"redfish_address": "https://10.0.0.1"}}, {"name": "b", "driver": "redfish", "driver_info": {"redfish_address": "https://10.0.0.1"}}], "steps": []}""", "InvalidScenario")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n"}], "steps": [{"op": "maintenance", "node": "n"}]}""", "InvalidScenario")]
    [TestCase("""not json""", "JSONDecodeError")]
    public void BadFile_ExitsTwo_WithOneErrorLine_BeforeRunningAnything(string content, string error)
    {
        var (code, stdout, stderr) = RunFile(content);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(JsonNode.Parse(stderr)!["error"]!.GetValue<string>(), Is.EqualTo(error));
        });
    }

    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n", "driver": "idrac"}], "steps": []}""", "idrac")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n", "driver": "redfish", "boot_interface": "redfish-https"}], "steps": []}""", "redfish-https")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n", "driver": "redfish", "inspect_interface": "agent"}], "steps": []}""", "inspect_interface")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n", "driver": "ipmi", "boot_interface": "fake"}], "steps": []}""", "pxe")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n", "boot_interface": "pxe"}], "steps": []}""", "pxe")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n", "power_interface": "ipmitool"}], "steps": []}""", "ipmitool")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n"}], "steps": [{"op": "conductor", "set": "down"}]}""", "conductor")]
    [TestCase("""{"format": "ironic-sim/scenario@1", "nodes": [{"name": "n", "agent": {"deploy_steps": []}}], "steps": []}""", "agent.deploy_steps")]
    public void NotYetSimulated_ExitsTwo_NamingWhatIsMissing(string content, string missing)
    {
        var (code, stdout, stderr) = RunFile(content);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(JsonNode.Parse(stderr)!["error"]!.GetValue<string>(), Is.EqualTo("NotSupported"));
            Assert.That(stderr, Does.Contain(missing));
        });
    }

    [Test]
    public void MissingFile_ExitsTwo()
    {
        var (code, _, stderr) = Run("scenario", Path.Combine(ScenarioDirectory, "no-such-file.json"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("FileError"));
        });
    }

    [Test]
    public void DriverOptions_OfTheIpmiDriverItRuns_AreAccepted()
    {
        var (code, stdout, stderr) = RunFile("""
            {"format": "ironic-sim/scenario@1",
             "options": {"ipmi.min_command_interval": 0, "ipmi.use_ipmitool_retries": true},
             "nodes": [{"name": "n", "driver": "ipmi", "provision_state": "manageable", "power_state": "power off"}],
             "steps": [{"op": "power", "node": "n", "target": "power on"}]}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(JsonNode.Parse(stdout)!["node"]!["power_state"]!.GetValue<string>(), Is.EqualTo("power on"));
        });
    }

    [Test]
    public void Refusal_IsAResult_NotAFailureOfTheRun()
    {
        var (code, stdout, _) = RunFile("""
            {"format": "ironic-sim/scenario@1", "ironic_release": "21.4",
             "nodes": [{"name": "n", "provision_state": "available", "power_state": "power off"}],
             "steps": [{"op": "provision", "node": "n", "target": "inspect"}]}
            """);
        var line = JsonNode.Parse(stdout)!;

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(line["ok"]!.GetValue<bool>(), Is.False);
            Assert.That(line["error"]!.GetValue<string>(), Is.EqualTo("InvalidStateRequested"));
            Assert.That(line["http"]!.GetValue<int>(), Is.EqualTo(400));
        });
    }

    /// <summary>A line as JSON text in one spelling, so that only values are compared (last_error's words included).</summary>
    private static string Comparable(string line) => JsonNode.Parse(line)!.ToJsonString();

    private static (int Code, string Stdout, string Stderr) RunFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ironic-sim-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        try
        {
            return Run("scenario", path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
