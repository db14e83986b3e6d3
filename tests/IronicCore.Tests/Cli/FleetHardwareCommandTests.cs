using IronicCore.Cli;

namespace IronicCore.Tests.Cli;

/// <summary><c>ironic-sim fleet --hardware</c>: a fleet that mixes hardware types, parsed strictly, with its figures by type.</summary>
[TestFixture]
public sealed class FleetHardwareCommandTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("fleet-hardware-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Hardware_Mix_PrintsTheFiguresByType_AndWritesHardwareCsv_TheSameForTheSameSeed()
    {
        string[] args = ["fleet", "--nodes", "300", "--days", "2", "--replications", "2", "--hardware", "fake-hardware=0.5,ipmi=0.25,redfish=0.25"];
        var first = CliRun.Run([.. args, "--out", Path.Combine(directory, "a")]);
        var second = CliRun.Run([.. args, "--out", Path.Combine(directory, "b")]);

        Assert.Multiple(() =>
        {
            Assert.That(first.Code, Is.Zero, first.Stderr);
            Assert.That(first.Stdout, Does.Contain("| policy | hardware | nodes | available mean | in maintenance by hour (mean) | tenant-visible failures | human tickets |")
                .And.Contain("| hold | fake-hardware | 150 | ").And.Contain("| hold | ipmi | 75 | ").And.Contain("| fail-fast | redfish | 75 | "));
            Assert.That(Tables(second.Stdout), Is.EqualTo(Tables(first.Stdout)));
            var csv = File.ReadAllLines(Path.Combine(directory, "a", "hardware.csv"));
            Assert.That(csv[0], Does.StartWith("policy,hardware,nodes,available_mean,available_mean_ci95,"));
            Assert.That(csv, Has.Length.EqualTo(1 + (3 * 3)));
            Assert.That(File.ReadAllBytes(Path.Combine(directory, "b", "hardware.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(directory, "a", "hardware.csv"))));
        });
    }

    [Test]
    public void NoHardware_OneType_HasNoTableByType_NorHardwareCsv()
    {
        var run = CliRun.Run("fleet", "--nodes", "100", "--days", "1", "--replications", "1", "--policies", "hold", "--hardware", "redfish", "--out", directory);

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Zero, run.Stderr);
            Assert.That(run.Stdout, Does.Not.Contain("By hardware type"));
            Assert.That(File.Exists(Path.Combine(directory, "hardware.csv")), Is.False);
        });
    }

    [TestCase("ipmi=0.5,ipmi=0.5", "--hardware ipmi=0.5,ipmi=0.5: ipmi is given twice")]
    [TestCase("ipmi=half,redfish=0.5", "the share of ipmi must be a decimal number such as 0.25, not \"half\"")]
    [TestCase("ipmi=-1,redfish=2", "the share of ipmi must be a decimal number such as 0.25, not \"-1\"")]
    [TestCase("ipmi,redfish", "\"ipmi\" is not TYPE=SHARE")]
    [TestCase("ipmi=0.5,", "\"\" is not TYPE=SHARE")]
    [TestCase(" ipmi=1", "\" ipmi=1\" is not TYPE=SHARE")]
    [TestCase("ipmi=0.5=1", "is not TYPE=SHARE")]
    [TestCase("idrac=1", "hardware \"idrac\" is not simulated; the fleet simulates fake-hardware, ipmi and redfish")]
    [TestCase("ipmi=0.5,redfish=0.6", "hardware: the shares must add up to 1 (got 1.1)")]
    [TestCase("ipmi=0", "hardware ipmi: a share must be above 0 and at most 1 (got 0)")]
    public void Hardware_Bad_ExitsTwo_SaysWhy_AndRunsNothing(string mix, string reason)
    {
        var run = CliRun.Run("fleet", "--nodes", "100", "--days", "1", "--hardware", mix);

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(run.Stderr, Does.Contain(reason));
            Assert.That(run.Stdout, Is.Empty);
        });
    }

    [Test]
    public void Hardware_WithResume_IsRefused_TheSnapshotHoldsTheMix()
    {
        var run = CliRun.Run("fleet", "--resume", Path.Combine(directory, "x.snapshot"), "--hardware", "ipmi");

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(run.Stderr, Does.Contain("--resume takes the scenario"));
        });
    }

    /// <summary>The output up to the wall-time table, which differs from run to run.</summary>
    private static string Tables(string output) => output[..output.IndexOf("| policy | events |", StringComparison.Ordinal)];
}
