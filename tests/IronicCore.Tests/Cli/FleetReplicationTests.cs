using IronicCore.Cli.Commands.Fleet;

namespace IronicCore.Tests.Cli;

/// <summary>
/// <c>ironic-sim fleet --replications N --baseline POLICY</c> (issue 20): means with 95 %
/// intervals, paired differences to a baseline, no interval where none exists, and the files.
/// </summary>
[TestFixture]
public sealed class FleetReplicationTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("fleet-replications-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Replications_PrintMeansWithIntervals_AndPairedDifferencesToHold()
    {
        var run = CliRun.Run("fleet", "--nodes", "200", "--days", "2", "--replications", "3");

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Zero, run.Stderr);
            Assert.That(run.Stdout, Does.Contain("3 replications (seeds from 42").And.Contain("Student t, 2 degrees of freedom"));
            Assert.That(CliRun.Lines(run.Stdout).First(line => line.StartsWith("| hold | ", StringComparison.Ordinal)), Does.Contain(" ± "));
            Assert.That(run.Stdout, Does.Contain("Paired differences to hold").And.Contain("| policy − hold | available mean |"));
            Assert.That(CliRun.Lines(run.Stdout).Count(line => line.StartsWith("| reparo | ", StringComparison.Ordinal)), Is.EqualTo(4), "results, refusals, differences, wall time");
        });
    }

    [Test]
    public void WithoutReplications_TheDefaultIsFive()
    {
        var run = CliRun.Run("fleet", "--nodes", "60", "--days", "1", "--policies", "hold");

        Assert.That(run.Stdout, Does.Contain($"{FleetSettings.DefaultReplications} replications (seeds from 42"));
    }

    [Test]
    public void OneReplication_SaysNoIntervalExists_AndPrintsNone()
    {
        var run = CliRun.Run("fleet", "--nodes", "200", "--days", "2", "--replications", "1");

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Zero, run.Stderr);
            Assert.That(run.Stdout, Does.Contain("One replication (seed 42): no confidence interval exists"));
            Assert.That(run.Stdout, Does.Not.Contain("±"));
            Assert.That(run.Stdout, Does.Contain("Differences to hold in this one replication"));
        });
    }

    [Test]
    public void Baseline_NamesThePolicyTheDifferencesAreTakenTo()
    {
        var run = CliRun.Run("fleet", "--nodes", "100", "--days", "1", "--replications", "2", "--baseline", "reparo");

        Assert.Multiple(() =>
        {
            Assert.That(run.Stdout, Does.Contain("Paired differences to reparo").And.Contain("| policy − reparo |"));
            Assert.That(run.Stdout.Split("Paired differences")[1].Split("| policy | events |")[0], Does.Contain("| hold | ").And.Not.Contain("| reparo | "));
        });
    }

    [Test]
    public void WithoutHold_TheFirstPolicyIsTheBaseline()
    {
        var run = CliRun.Run("fleet", "--nodes", "100", "--days", "1", "--replications", "2", "--policies", "fail-fast,reparo");

        Assert.That(run.Stdout, Does.Contain("Paired differences to fail-fast"));
    }

    [TestCase("--replications", "0", "--replications must be from 1 to 1,000, not 0")]
    [TestCase("--replications", "1001", "--replications must be from 1 to 1,000, not 1001")]
    [TestCase("--baseline", "nope", "--baseline nope: not one of the policies run (hold, reparo, fail-fast)")]
    public void BadInput_ExitsTwo_SaysWhy_AndRunsNothing(string option, string value, string reason)
    {
        var run = CliRun.Run("fleet", "--nodes", "50", "--days", "1", option, value);

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(2));
            Assert.That(run.Stderr, Is.EqualTo($"ironic-sim fleet: {reason}\n"));
            Assert.That(run.Stdout, Is.Empty);
        });
    }

    [Test]
    public void SaveAt_WithSeveralReplications_IsRefused_AndAloneTakesOne()
    {
        var refused = CliRun.Run("fleet", "--nodes", "50", "--days", "2", "--replications", "3", "--save-at", "1d", "--save", Path.Combine(directory, "s"));
        var saved = CliRun.Run("fleet", "--nodes", "50", "--days", "2", "--save-at", "1d", "--save", Path.Combine(directory, "s"));
        var resumed = CliRun.Run("fleet", "--resume", Path.Combine(directory, "s"));

        Assert.Multiple(() =>
        {
            Assert.That(refused.Code, Is.EqualTo(2));
            Assert.That(refused.Stderr, Does.Contain("--save-at saves one replication"));
            Assert.That(saved.Code, Is.Zero, saved.Stderr);
            Assert.That(resumed.Stdout, Does.Contain("One replication (seed 42)"));
        });
    }

    [Test]
    public void Out_KeepsTheSummaryColumns_AndAddsIntervalsRunsAndDifferences()
    {
        var run = CliRun.Run("fleet", "--nodes", "100", "--days", "1", "--replications", "3", "--out", directory);
        string[] Csv(string file) => CliRun.Lines(File.ReadAllText(Path.Combine(directory, file)));

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Zero, run.Stderr);
            Assert.That(Csv("summary.csv")[0], Does.StartWith(
                "policy,available_mean,available_min,tenant_visible_failures,unserved_instances,maintenance_hourly_mean,maintenance_hourly_max," +
                "human_tickets,repairs,time_to_repair_median_hours,time_to_repair_p95_hours,transitions,events,no_free_conductor_worker,concurrent_action_limit,conductor_deaths,takeover_aborts,")
                .And.Contain(",replications,available_mean_ci95,"));
            Assert.That(Csv("runs.csv"), Has.Length.EqualTo(1 + 9), "a line per policy and replication");
            Assert.That(Csv("runs.csv")[1], Does.StartWith("hold,1,42,"));
            Assert.That(Csv("differences.csv")[0], Is.EqualTo("policy,baseline,metric,pairs,difference_mean,ci95,lower,upper,excludes_zero"));
            Assert.That(Csv("hold.csv")[0], Does.StartWith("hours,available,active,maintenance,failed,cleaning,open_tickets,available_min,"));
            Assert.That(new FileInfo(Path.Combine(directory, "fleet.png")).Length, Is.GreaterThan(10_000));
        });
    }

    [Test]
    public void Journal_WithSeveralReplications_WritesOnePerRun()
    {
        var run = CliRun.Run("fleet", "--nodes", "50", "--days", "1", "--replications", "2", "--policies", "hold", "--journal", directory);

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Zero, run.Stderr);
            Assert.That(Directory.GetFiles(directory).Select(Path.GetFileName), Is.EquivalentTo(new[] { "hold.1.journal", "hold.2.journal" }));
        });
    }
}
