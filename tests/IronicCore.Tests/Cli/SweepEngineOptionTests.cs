using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary><c>ironic-sim sweep --engine</c>: the engine options are refused, every problem at once, before anything is written; no cluster needed.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SweepEngineOptionTests
{
    private string work = string.Empty;

    private string PlanFile => Path.Combine(work, "plan.json");

    private string Out => Path.Combine(work, "out");

    [SetUp]
    public void WritePlan()
    {
        work = Directory.CreateTempSubdirectory("ironiccore-sweep-engine-").FullName;
        File.WriteAllText(PlanFile, SweepPlanFiles.Small);
    }

    [TearDown]
    public void RemoveWork() => Directory.Delete(work, recursive: true);

    [TestCase(new[] { "--engine", "pbs" }, "--engine must be local, slurm or kubernetes, not 'pbs'")]
    [TestCase(new[] { "--engine", "slurm", "--time", "2h" }, "time '2h' is not a Slurm time limit; the forms are minutes, minutes:seconds, hours:minutes:seconds, days-hours")]
    [TestCase(new[] { "--engine", "slurm", "--mem", "1.5G" }, "--mem '1.5G' must be a whole number with an optional unit K, M, G or T")]
    [TestCase(new[] { "--engine", "slurm", "--image", "x" }, "--image is for --engine kubernetes, not slurm")]
    [TestCase(new[] { "--engine", "slurm", "--threads", "2" }, "--threads is for --engine local, not slurm")]
    [TestCase(new[] { "--partition", "batch" }, "--partition is for --engine slurm, not local")]
    [TestCase(new[] { "--engine", "kubernetes", "--pvc", "sweeps" }, "the kubernetes engine needs --image")]
    [TestCase(new[] { "--engine", "kubernetes", "--image", "x", "--pvc", "sweeps", "--wait" }, "--wait is for --engine slurm, not kubernetes")]
    [TestCase(new[] { "--engine", "slurm", "--chunk", "0" }, "--chunk must be at least 1, not 0")]
    public void ABadEngineOption_ExitsTwo_NamingIt_AndWritesNothing(string[] options, string error)
    {
        var (code, stdout, stderr) = Run(["sweep", PlanFile, "--out", Out, .. options]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.StartWith("ironic-sim sweep: ").And.Contain(error));
            Assert.That(stdout, Is.Empty);
            Assert.That(Directory.Exists(Out), Is.False);
        });
    }

    [Test]
    public void EveryProblem_IsInTheOneLine()
    {
        var (code, _, stderr) = Run("sweep", PlanFile, "--out", Out, "--engine", "slurm", "--time", "2h", "--mem", "lots", "--pvc", "x");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain("--pvc is for").And.Contain("--mem 'lots'").And.Contain("time '2h'"));
    }

    [Test]
    public void Kubernetes_WritesTheIndexedJob_OneIndexPerChunk_AndRunsNothing()
    {
        var (code, stdout, stderr) = Run("sweep", PlanFile, "--out", Out, "--engine", "kubernetes", "--image", "registry.example.org/ironic-sim:1", "--pvc", "sweeps", "--chunk", "3");

        var manifest = File.ReadAllText(Path.Combine(Out, "kubernetes", "job.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(Lines(stdout)[^1], Does.StartWith($"sweep: wrote {Path.Combine(Out, "kubernetes", "job.yaml")}: an Indexed Job of 2 completions (2 with missing cells)"));
            Assert.That(manifest, Does.Contain("\n  completions: 2\n").And.Contain("\n  completionMode: Indexed\n"));
            Assert.That(Directory.GetFiles(Path.Combine(Out, "cells")), Is.Empty);
        });
    }

    [Test]
    public void AResumedDirectory_KeepsItsChunk()
    {
        Run("sweep", PlanFile, "--out", Out, "--engine", "kubernetes", "--image", "i", "--pvc", "sweeps", "--chunk", "3");

        var (code, _, stderr) = Run("sweep", PlanFile, "--out", Out, "--engine", "kubernetes", "--image", "i", "--pvc", "sweeps", "--chunk", "2");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("resume with --chunk 3"));
    }
}
