using IronicCore.Cli;

namespace IronicCore.Tests.Cli;

/// <summary><c>ironic-sim fleet --fault-rates</c>: fault kinds' rates, the Redfish BMCs' own among them, with their figures by kind.</summary>
[TestFixture]
public sealed class FleetFaultRatesCommandTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("fleet-faults-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void RedfishBmcFaultRates_PrintTheFiguresByKind_AndWriteFaultsCsv_TheSameForTheSameSeed()
    {
        string[] args =
        [
            "fleet", "--nodes", "300", "--days", "2", "--replications", "2", "--policies", "hold",
            "--hardware", "ipmi=0.5,redfish=0.5", "--fault-rates", "credentials_rejected=20,reset_fails=20,insert_media_fails=20",
        ];
        var first = CliRun.Run([.. args, "--out", Path.Combine(directory, "a")]);
        var second = CliRun.Run([.. args, "--out", Path.Combine(directory, "b")]);

        Assert.Multiple(() =>
        {
            Assert.That(first.Code, Is.Zero, first.Stderr);
            Assert.That(first.Stdout, Does.Contain("| policy | hardware | fault | faults | deploy failed | clean failed | in maintenance by hour (mean) |")
                .And.Contain("| hold | ipmi | disk | ").And.Contain("| hold | redfish | credentials_rejected | ").And.Contain("| hold | redfish | insert_media_fails | ")
                .And.Not.Contain("| hold | ipmi | reset_fails | "));
            Assert.That(Tables(second.Stdout), Is.EqualTo(Tables(first.Stdout)));
            var csv = File.ReadAllLines(Path.Combine(directory, "a", "faults.csv"));
            Assert.That(csv[0], Is.EqualTo("policy,hardware,fault,faults,faults_ci95,deploy_failures,deploy_failures_ci95,clean_failures,clean_failures_ci95,maintenance_hourly_mean,maintenance_hourly_mean_ci95"));
            Assert.That(csv, Has.Length.EqualTo(1 + 4 + 7), "ipmi: the four kinds every machine has; redfish: those and its BMC's three");
            Assert.That(File.ReadAllBytes(Path.Combine(directory, "b", "faults.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(directory, "a", "faults.csv"))));
        });
    }

    [Test]
    public void NoRedfishBmcFaultRate_HasNoTableByKind_NorFaultsCsv()
    {
        var run = CliRun.Run("fleet", "--nodes", "100", "--days", "1", "--replications", "1", "--policies", "hold", "--hardware", "redfish", "--fault-rates", "disk=0.5,reset_fails=0", "--out", directory);

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Zero, run.Stderr);
            Assert.That(run.Stdout, Does.Not.Contain("By fault kind"));
            Assert.That(File.Exists(Path.Combine(directory, "faults.csv")), Is.False);
        });
    }

    [TestCase("cpu=1", "--fault-rates cpu=1: \"cpu\" is not a fault kind; the kinds are disk, memory, nic, bmc, credentials_rejected, reset_fails, insert_media_fails")]
    [TestCase("reset_fails=x", "the rate of reset_fails must be a decimal number such as 0.05, not \"x\"")]
    [TestCase("reset_fails", "\"reset_fails\" is not KIND=RATE")]
    [TestCase("disk=1,disk=2", "disk is given twice")]
    [TestCase("reset_fails=2000", "fault reset_fails: rate_per_node_year must be from 0 to 1,000")]
    public void FaultRates_Bad_ExitsTwo_SaysWhy_AndRunsNothing(string rates, string reason)
    {
        var run = CliRun.Run("fleet", "--nodes", "100", "--days", "1", "--hardware", "redfish", "--fault-rates", rates);

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(run.Stderr, Does.Contain(reason));
            Assert.That(run.Stdout, Is.Empty);
        });
    }

    [Test]
    public void RedfishBmcFaultRate_InAFleetWithoutRedfishNodes_IsRefused()
    {
        var run = CliRun.Run("fleet", "--nodes", "100", "--days", "1", "--fault-rates", "credentials_rejected=0.1");

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(run.Stderr, Does.Contain("fault credentials_rejected: a Redfish BMC's fault strikes redfish nodes, and the fleet has none"));
        });
    }

    /// <summary>The output up to the wall-time table, which differs from run to run.</summary>
    private static string Tables(string output) => output[..output.IndexOf("| policy | events |", StringComparison.Ordinal)];
}
