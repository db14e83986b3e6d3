using IronicCore.Sweeps;
using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary><c>ironic-sim sweep PLAN --out DIR</c> and <c>ironic-sim sweep worker DIR</c>: exit codes, resume, refusals that write nothing.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SweepCommandTests
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

    private string work = string.Empty;

    private string PlanFile => Path.Combine(work, "plan.json");

    private string Out => Path.Combine(work, "out");

    [SetUp]
    public void WritePlan()
    {
        work = Directory.CreateTempSubdirectory("ironiccore-sweep-cli-").FullName;
        File.WriteAllText(PlanFile, Plan);
    }

    [TearDown]
    public void RemoveWork() => Directory.Delete(work, recursive: true);

    [Test]
    public void Sweep_RunsEveryCell_ThenResumes_SkippingDoneCells()
    {
        var first = Run("sweep", PlanFile, "--out", Out, "--threads", "2");
        var second = Run("sweep", PlanFile, "--out", Out);

        Assert.Multiple(() =>
        {
            Assert.That(first.Code, Is.Zero, first.Stderr);
            Assert.That(Lines(first.Stdout)[^1], Does.StartWith("4 cells: 4 run now, 0 already done, 0 failed"));
            Assert.That(Directory.GetFiles(Path.Combine(Out, "cells")).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "000000.json", "000001.json", "000002.json", "000003.json" }));
            Assert.That(second.Code, Is.Zero, second.Stderr);
            Assert.That(Lines(second.Stdout)[^1], Does.StartWith("4 cells: 0 run now, 4 already done, 0 failed"));
        });
    }

    [Test]
    public void Sweep_OfABadPlan_ExitsTwo_NamingTheJsonPath_AndWritesNothing()
    {
        File.WriteAllText(PlanFile, Plan.Replace("rate_per_node_year", "rate_per_year", StringComparison.Ordinal));

        var (code, stdout, stderr) = Run("sweep", PlanFile, "--out", Out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.StartWith($"ironic-sim sweep: {PlanFile}: $.parameters[0].path: \"faults[3].rate_per_year\" names no field of the scenario"));
            Assert.That(Directory.Exists(Out), Is.False);
        });
    }

    [Test]
    public void Sweep_IntoTheDirectoryOfAnotherPlan_ExitsTwo_AndChangesNothing()
    {
        Assert.That(Run("sweep", PlanFile, "--out", Out, "--threads", "2").Code, Is.Zero);
        var before = File.ReadAllBytes(Path.Combine(Out, "sweep.json"));
        File.WriteAllText(PlanFile, Plan.Replace("\"seed\": 7", "\"seed\": 8", StringComparison.Ordinal));

        var (code, _, stderr) = Run("sweep", PlanFile, "--out", Out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("holds the sweep of another plan"));
            Assert.That(File.ReadAllBytes(Path.Combine(Out, "sweep.json")), Is.EqualTo(before));
        });
    }

    [Test]
    public void Sweep_WithoutOut_ExitsTwo() =>
        Assert.That(Run("sweep", PlanFile), Is.EqualTo((2, string.Empty, "ironic-sim sweep: --out DIR is required: where the sweep's cells are written\n")));

    [Test]
    public void Worker_RunsTheCellsOfItsChunk_Only()
    {
        MakeSweepDirectory();

        var (code, stdout, stderr) = Run("sweep", "worker", Out, "--task", "1");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(Lines(stdout)[0], Is.EqualTo("sweep worker: task 1 of 4, cells 1 to 1 of 4"));
            Assert.That(Directory.GetFiles(Path.Combine(Out, "cells")).Select(Path.GetFileName), Is.EqualTo(new[] { "000001.json" }));
        });
    }

    [Test]
    public void Worker_TakesItsTask_FromSlurmArrayTaskId()
    {
        MakeSweepDirectory();
        Environment.SetEnvironmentVariable("SLURM_ARRAY_TASK_ID", "3");
        try
        {
            var (code, stdout, stderr) = Run("sweep", "worker", Out);

            Assert.That(code, Is.Zero, stderr);
            Assert.That(Lines(stdout)[0], Is.EqualTo("sweep worker: task 3 of 4, cells 3 to 3 of 4"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SLURM_ARRAY_TASK_ID", null);
        }
    }

    [Test]
    public void Worker_WithoutATask_ExitsTwo()
    {
        MakeSweepDirectory();
        string[] variables = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"];
        var saved = variables.Select(Environment.GetEnvironmentVariable).ToArray();
        (int Code, string Out, string Err) result;
        try
        {
            // A test runner inside a Slurm task or a Kubernetes pod has them set; this rule is about neither.
            foreach (var variable in variables)
            {
                Environment.SetEnvironmentVariable(variable, null);
            }

            result = Run("sweep", "worker", Out);
        }
        finally
        {
            for (var i = 0; i < variables.Length; i++)
            {
                Environment.SetEnvironmentVariable(variables[i], saved[i]);
            }
        }

        var (code, _, stderr) = result;

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.StartWith("ironic-sim sweep worker: no task: give --task N, or run under Slurm (SLURM_ARRAY_TASK_ID) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX)"));
        });
    }

    [Test]
    public void Worker_OfATaskPastTheLastChunk_ExitsTwo()
    {
        MakeSweepDirectory();

        Assert.That(Run("sweep", "worker", Out, "--task", "4"), Is.EqualTo((2, string.Empty, $"ironic-sim sweep worker: {Out}: task 4 names no chunk: the sweep has 4 chunks of 1 cell, numbered 0 to 3\n")));
    }

    [Test]
    public void Worker_WhoseCellFails_ExitsOne_AfterRunningTheOthers()
    {
        // Each shift hour is fine alone, so the plan is read; 16:00 to 12:00 is no shift (cell 3).
        File.WriteAllText(PlanFile, """
            { "scenario": { "nodes": 100, "days": 1 }, "policies": ["hold"], "replications": 1,
              "parameters": [ { "path": "operators.shift_start_hour", "values": [8, 16] }, { "path": "operators.shift_end_hour", "values": [17, 12] } ] }
            """);

        var (code, stdout, stderr) = Run("sweep", PlanFile, "--out", Out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(Lines(stdout)[^1], Does.StartWith("4 cells: 3 run now, 0 already done, 1 failed"));
            Assert.That(stderr, Does.Contain($"ironic-sim sweep: cell 3 failed; its error is in {Path.Combine(Out, "cells", "000003.failed")}"));
        });
    }

    /// <summary>Makes the sweep directory (its sweep.json) without running a cell, as an engine does before its workers start.</summary>
    private void MakeSweepDirectory() => SweepDirectory.Create(Out, SweepPlan.Load(PlanFile));
}
