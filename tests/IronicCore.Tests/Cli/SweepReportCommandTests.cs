using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary><c>ironic-sim sweep status DIR</c> and <c>ironic-sim sweep report DIR</c>.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SweepReportCommandTests
{
    private const string Plan = """
        {
          "scenario": { "nodes": 100, "conductors": 1, "days": 1 },
          "parameters": [ { "path": "faults[3].rate_per_node_year", "values": [0.06, 6] } ],
          "policies": ["hold", "fail-fast"],
          "replications": 2,
          "seed": 7
        }
        """;

    private static readonly string[] ReportFiles = ["report.md", "cells.csv", "estimates.csv", "report.html", "available_mean-by-faults-3-rate_per_node_year.png"];

    private string work = string.Empty;

    private string Out => Path.Combine(work, "out");

    [SetUp]
    public void RunThePlan()
    {
        work = Directory.CreateTempSubdirectory("ironiccore-sweep-report-").FullName;
        File.WriteAllText(Path.Combine(work, "plan.json"), Plan);
        Assert.That(Run("sweep", Path.Combine(work, "plan.json"), "--out", Out, "--threads", "2").Code, Is.Zero);
    }

    [TearDown]
    public void RemoveWork() => Directory.Delete(work, recursive: true);

    [Test]
    public void Status_CountsCellsDoneFailedAndNotRun_AndTheChunksLeft()
    {
        File.Delete(Path.Combine(Out, "cells", "000001.json"));
        File.Delete(Path.Combine(Out, "cells", "000003.json"));
        File.WriteAllText(Path.Combine(Out, "cells", "000003.failed"), "cell 3: System.InvalidOperationException: boom\n   at ...\n");

        var text = Run("sweep", "status", Out);
        var json = Run("sweep", "status", Out, "--json");

        Assert.Multiple(() =>
        {
            Assert.That(text.Code, Is.Zero, text.Stderr);
            Assert.That(Lines(text.Stdout), Is.EqualTo(new[]
            {
                $"sweep {Out}: 4 cells (2 points × 2 replications) in 4 chunks of 1",
                "done 2, failed 1, not run 1",
                "failed: cell 3: cell 3: System.InvalidOperationException: boom",
                "chunks with cells to run: 1,3",
            }));
            Assert.That(json.Stdout, Is.EqualTo("""{"cells":4,"done":2,"failed":[3],"not_run":1,"chunk":1,"chunks":4,"unfinished_chunks":[1,3]}""" + "\n"));
        });
    }

    [Test]
    public void Report_OfTheSameCells_WritesTheSameBytes()
    {
        var first = Run("sweep", "report", Out, "--out", Path.Combine(work, "r1"));
        var second = Run("sweep", "report", Out, "--out", Path.Combine(work, "r2"));

        Assert.Multiple(() =>
        {
            Assert.That(first.Code, Is.Zero, first.Stderr);
            Assert.That(second.Stdout.Replace("r2", "r1", StringComparison.Ordinal), Is.EqualTo(first.Stdout));
            foreach (var file in ReportFiles)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(work, "r2", file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(work, "r1", file))), file);
            }
        });
    }

    [Test]
    public void Report_OfCellsRunByWorkers_EqualsTheLocalRunsReport()
    {
        var workers = Path.Combine(work, "workers");
        Directory.CreateDirectory(workers);
        File.Copy(Path.Combine(Out, "sweep.json"), Path.Combine(workers, "sweep.json"));
        Directory.CreateDirectory(Path.Combine(workers, "cells"));
        foreach (var task in new[] { "3", "0", "2", "1" })
        {
            Assert.That(Run("sweep", "worker", workers, "--task", task).Code, Is.Zero);
        }

        Assert.That(Run("sweep", "report", Out, "--out", Path.Combine(work, "local")).Code, Is.Zero);
        Assert.That(Run("sweep", "report", workers, "--out", Path.Combine(work, "tasks")).Code, Is.Zero);

        Assert.Multiple(() =>
        {
            foreach (var file in ReportFiles)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(work, "tasks", file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(work, "local", file))), file);
            }
        });
    }

    [Test]
    public void Report_PrintsATablePerMetric_WithTheIntervals()
    {
        var (code, stdout, stderr) = Run("sweep", "report", Out, "--metrics", "human_tickets");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain("human tickets (human_tickets):\n\n| faults[3].rate_per_node_year | n | hold | fail-fast |\n|---:|---:|---:|---:|\n| 0.06 | 2 |"));
            Assert.That(File.Exists(Path.Combine(Out, "report", "human_tickets-by-faults-3-rate_per_node_year.png")), Is.True, "the default --out is DIR/report");
        });
    }

    [Test]
    public void Report_WithAnUnknownMetric_ExitsTwo_ListingThem()
    {
        var (code, _, stderr) = Run("sweep", "report", Out, "--metrics", "uptime");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.StartWith("ironic-sim sweep report: --metrics: unknown metric \"uptime\"; known: available_mean, "));
        });
    }
}
