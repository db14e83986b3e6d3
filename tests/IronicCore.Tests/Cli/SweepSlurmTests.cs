using System.Diagnostics;
using IronicCore.Tests.Shared;
using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary>
/// <c>ironic-sim sweep --engine slurm</c> on a real Slurm cluster (the one-node cluster .ci/run
/// starts; <see cref="SlurmCluster"/>): the job array's cells are the local engine's, byte for byte,
/// and a cancelled or failed task is resubmitted for its chunk only.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category(SlurmCluster.Category)]
public sealed class SweepSlurmTests
{
    private static readonly TimeSpan QueueTimeout = TimeSpan.FromMinutes(5);

    private string work = string.Empty;

    private SortedDictionary<string, byte[]> local = [];

    private string PlanFile => Path.Combine(work, "plan.json");

    private string Out => Path.Combine(work, "slurm");

    [OneTimeSetUp]
    public void RunLocally()
    {
        SlurmCluster.Require();
        work = Directory.CreateTempSubdirectory("ironiccore-sweep-slurm-").FullName;
        File.WriteAllText(PlanFile, SweepPlanFiles.Small);
        var (code, _, stderr) = Run("sweep", PlanFile, "--out", Path.Combine(work, "local"));
        Assert.That(code, Is.Zero, stderr);
        local = SweepPlanFiles.Cells(Path.Combine(work, "local"));
    }

    [OneTimeTearDown]
    public void RemoveWork()
    {
        if (work.Length > 0)
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [SetUp]
    public void RemoveSlurmSweep()
    {
        if (Directory.Exists(Out))
        {
            Directory.Delete(Out, recursive: true);
        }
    }

    /// <summary>Every file <c>sweep report</c> writes for the sweep in <paramref name="directory"/>: name and bytes.</summary>
    private SortedDictionary<string, byte[]> Report(string directory, string name)
    {
        var reportDirectory = Path.Combine(work, name);
        var (code, _, stderr) = Run("sweep", "report", directory, "--out", reportDirectory);
        Assert.That(code, Is.Zero, stderr);
        return new(Directory.GetFiles(reportDirectory).ToDictionary(file => Path.GetFileName(file), File.ReadAllBytes), StringComparer.Ordinal);
    }

    [Test]
    public void AJobArray_WritesTheLocalEnginesCells_ByteForByte()
    {
        var (code, stdout, stderr) = Run("sweep", PlanFile, "--out", Out, "--engine", "slurm", "--wait", "--mem", "1G", "--time", "10");
        var status = Run("sweep", "status", Out);
        var job = Jobs().Single().Split(' ')[0];

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain("array 0-3: 4 tasks of 1 cell").And.Contain("4 of 4 cells done, 0 missing"));
            Assert.That(SweepPlanFiles.Cells(Out), Is.EqualTo(local));
            Assert.That(Report(Out, "slurm-report"), Is.EqualTo(Report(Path.Combine(work, "local"), "local-report")), "the merged report of the job array's cells is the local run's, file for file");
            Assert.That(Jobs(), Has.Length.EqualTo(1).And.All.EndsWith(" 0-3"));
            Assert.That(Directory.GetFiles(Path.Combine(Out, "slurm", "logs")), Has.Length.EqualTo(4));
            // The CI cluster keeps no accounting (no slurmdbd): status says so, and the cells tell the rest.
            Assert.That(status.Code, Is.Zero, status.Stderr);
            Assert.That(Lines(status.Stdout)[^1], Is.EqualTo($"slurm job {job} (array 0-3): not in the queue (no accounting: sacct: Slurm accounting storage is disabled)"));
        });
    }

    [Test]
    public void ACancelledTask_IsResubmittedForItsChunkOnly_AndTheCellsAreTheLocalOnes()
    {
        // One task at a time (%1): task 3 is still pending when it is cancelled.
        var (code, _, stderr) = Run("sweep", PlanFile, "--out", Out, "--engine", "slurm", "--parallel", "1");
        Assert.That(code, Is.Zero, stderr);
        var job = Jobs().Single().Split(' ')[0];
        Assert.That(SlurmCluster.Run("scancel", $"{job}_3").Exit, Is.Zero);

        var whileQueued = Run("sweep", PlanFile, "--out", Out, "--engine", "slurm");
        var queuedStatus = Run("sweep", "status", Out);
        WaitForTheQueue(job);
        var status = Missing();
        var again = Run("sweep", PlanFile, "--out", Out, "--engine", "slurm", "--wait");

        Assert.Multiple(() =>
        {
            Assert.That(whileQueued.Code, Is.EqualTo(2));
            Assert.That(whileQueued.Stderr, Does.StartWith($"ironic-sim sweep: earlier jobs of this sweep are still in the queue: {job} ("));
            Assert.That(Lines(queuedStatus.Stdout)[^1], Does.StartWith($"slurm job {job} (array 0-3%1): ").And.EndWith(" in the queue"));
            Assert.That(status, Is.EqualTo(new[] { "000003.json" }));
            Assert.That(again.Code, Is.Zero, again.Stderr);
            Assert.That(Jobs()[1], Does.EndWith(" 3"));
            Assert.That(SweepPlanFiles.Cells(Out), Is.EqualTo(local));
        });
    }

    [Test]
    public void AFailedTask_ExitsOne_ThenOnlyItsChunkIsResubmitted()
    {
        // The plan's sweep directory with a directory where cell 2's result goes: its task cannot write it, and fails.
        Directory.CreateDirectory(Path.Combine(Out, "cells", "000002.json"));
        File.Copy(Path.Combine(work, "local", "sweep.json"), Path.Combine(Out, "sweep.json"));

        var failed = Run("sweep", PlanFile, "--out", Out, "--engine", "slurm", "--wait");
        Directory.Delete(Path.Combine(Out, "cells", "000002.json"));
        var again = Run("sweep", PlanFile, "--out", Out, "--engine", "slurm", "--wait");
        var done = Run("sweep", PlanFile, "--out", Out, "--engine", "slurm");

        Assert.Multiple(() =>
        {
            Assert.That(failed.Code, Is.EqualTo(1));
            Assert.That(failed.Stdout, Does.Contain("3 of 4 cells done, 1 missing"));
            Assert.That(failed.Stderr, Does.Contain("1 cell missing; the tasks' logs are in"));
            Assert.That(again.Code, Is.Zero, again.Stderr);
            Assert.That(Jobs().Select(line => line.Split(' ')[1]), Is.EqualTo(new[] { "0-3", "2" }));
            Assert.That(SweepPlanFiles.Cells(Out), Is.EqualTo(local));
            Assert.That(done.Code, Is.Zero);
            Assert.That(done.Stdout, Does.Contain("every cell is done; nothing to submit"));
        });
    }

    private string[] Jobs() => File.ReadAllLines(Path.Combine(Out, "slurm", "jobs"));

    private string[] Missing() => [.. local.Keys.Except(SweepPlanFiles.Cells(Out).Keys)];

    private static void WaitForTheQueue(string job)
    {
        var clock = Stopwatch.StartNew();
        while (SlurmCluster.Run("squeue", "--noheader", "--array", $"--jobs={job}") is var (exit, output) && exit == 0 && output.Trim().Length > 0)
        {
            Assert.That(clock.Elapsed, Is.LessThan(QueueTimeout), $"job {job} still in the queue: {output}");
            Thread.Sleep(500);
        }
    }
}
