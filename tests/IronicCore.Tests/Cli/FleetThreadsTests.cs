namespace IronicCore.Tests.Cli;

/// <summary>
/// <c>ironic-sim fleet --threads N</c> (issue 22): the runs (policies × replications) go at most
/// N at once, each on its own thread; a run shares nothing with another, so the same seed gives
/// byte-identical tables and files on one thread or two.
/// </summary>
[TestFixture]
public sealed class FleetThreadsTests
{
    private static readonly string[] Files = ["summary.csv", "runs.csv", "differences.csv", "hold.csv", "reparo.csv", "fail-fast.csv"];

    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("fleet-threads-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void SameSeed_OnOneThreadOrTwo_GivesByteIdenticalTablesAndCsv()
    {
        string[] run = ["fleet", "--nodes", "300", "--days", "3", "--seed", "11", "--replications", "2"];
        var one = CliRun.Run([.. run, "--threads", "1", "--out", Path.Combine(directory, "one")]);
        var two = CliRun.Run([.. run, "--threads", "2", "--out", Path.Combine(directory, "two")]);

        Assert.Multiple(() =>
        {
            Assert.That(one.Code, Is.Zero, one.Stderr);
            Assert.That(two.Code, Is.Zero, two.Stderr);
            Assert.That(Deterministic(two.Stdout), Is.EqualTo(Deterministic(one.Stdout)));
            foreach (var file in Files)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(directory, "two", file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(directory, "one", file))), file);
            }
        });
    }

    [Test]
    public void SavedComparison_OnOneThreadOrTwo_ResumesToTheSameTables()
    {
        var tables = new List<string>();
        foreach (var threads in new[] { "1", "2" })
        {
            var snapshot = Path.Combine(directory, $"fleet-{threads}.snapshot");
            var save = CliRun.Run("fleet", "--nodes", "200", "--days", "2", "--seed", "3", "--save-at", "1d", "--save", snapshot, "--threads", threads);
            var resume = CliRun.Run("fleet", "--resume", snapshot, "--threads", threads);
            Assert.That((save.Code, resume.Code), Is.EqualTo((0, 0)), save.Stderr + resume.Stderr);
            tables.Add(Deterministic(resume.Stdout));
        }

        Assert.That(tables[1], Is.EqualTo(tables[0]));
    }

    [TestCase("0", "--threads must be from 1 to 1,024, not 0")]
    [TestCase("1025", "--threads must be from 1 to 1,024, not 1025")]
    [TestCase("-1", "--threads must be from 1 to 1,024, not -1")]
    public void BadThreads_ExitsTwo_SaysWhy_AndRunsNothing(string value, string reason)
    {
        var run = CliRun.Run("fleet", "--nodes", "100", "--days", "1", "--threads", value);

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(2));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr, Does.Contain(reason));
        });
    }

    [Test]
    public void ThreadsNotANumber_IsRefused()
    {
        var run = CliRun.Run("fleet", "--nodes", "100", "--days", "1", "--threads", "two");

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Not.Zero);
            Assert.That(run.Stdout, Does.Not.Contain("| policy | events |"));
        });
    }

    /// <summary>The output without the wall-time table and the peak memory, which no two runs share.</summary>
    private static string Deterministic(string output) => output[..output.IndexOf("| policy | events |", StringComparison.Ordinal)];
}
