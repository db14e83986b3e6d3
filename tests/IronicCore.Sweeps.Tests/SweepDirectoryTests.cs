using IronicCore.Fleet;
using IronicCore.Fleet.Policies;

namespace IronicCore.Sweeps.Tests;

/// <summary>The sweep directory: byte-identical cells, resume, atomic writes, one plan per directory.</summary>
[TestFixture]
public sealed class SweepDirectoryTests
{
    private static readonly SweepPlan Plan = SweepPlans.Parse(SweepPlans.Grid);

    private string directory = string.Empty;

    [SetUp]
    public void MakeDirectory() => directory = Path.Combine(SweepPlans.TemporaryDirectory(), "sweep");

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);

    private static IEnumerable<int> All(SweepDirectory sweep) => Enumerable.Range(0, sweep.Plan.CellCount);

    private static byte[][] Cells(SweepDirectory sweep) => [.. All(sweep).Select(cell => File.ReadAllBytes(sweep.CellFile(cell)))];

    [Test]
    public void SameCell_IsByteIdentical_OnOneOrManyThreads_AndAcrossRuns()
    {
        var one = SweepDirectory.Create(directory + "-1", Plan);
        var many = SweepDirectory.Create(directory + "-4", Plan);
        var again = SweepDirectory.Create(directory, SweepPlans.Parse(SweepPlans.Grid));

        one.Run(All(one), threads: 1);
        many.Run(All(many), threads: 4);
        again.Run(All(again).Reverse(), threads: 3);

        Assert.Multiple(() =>
        {
            Assert.That(Cells(many), Is.EqualTo(Cells(one)));
            Assert.That(Cells(again), Is.EqualTo(Cells(one)));
            Assert.That(File.ReadAllBytes(Path.Combine(many.Path, SweepDirectory.PlanFileName)), Is.EqualTo(File.ReadAllBytes(Path.Combine(one.Path, SweepDirectory.PlanFileName))));
        });
    }

    [Test]
    public void CellResult_IsWhatFleetGivesForItsScenarioAndSeed_EveryPolicyOnTheSameSeed()
    {
        var sweep = SweepDirectory.Create(directory, Plan);
        sweep.Run([5], threads: 1);

        var cell = Plan.Cell(5);
        var fleet = new FleetExperiment(cell.Scenario, [() => new HoldPolicy(), () => new FailFastPolicy()], 1).Run();
        var result = sweep.ReadCell(5);

        Assert.Multiple(() =>
        {
            Assert.That(result.Seed, Is.EqualTo(cell.Scenario.Seed));
            Assert.That(result.Policies, Is.EqualTo(new[] { "hold", "fail-fast" }));
            foreach (var metric in FleetMetric.All)
            {
                Assert.That(result.Value(0, metric), Is.EqualTo(metric.ValueOf(fleet.Results("hold")[0])), $"hold {metric}");
                Assert.That(result.Value(1, metric), Is.EqualTo(metric.ValueOf(fleet.Results("fail-fast")[0])), $"fail-fast {metric}");
            }
        });
    }

    [Test]
    public void Resume_SkipsDoneCells_AndRerunsFailedOnes()
    {
        var sweep = SweepDirectory.Create(directory, Plan);
        sweep.Run([0, 1, 2], threads: 2);
        var written = File.GetLastWriteTimeUtc(sweep.CellFile(1));
        File.Delete(sweep.CellFile(2));
        File.WriteAllText(sweep.FailedFile(2), "cell 2: killed");

        var resumed = SweepDirectory.Create(directory, SweepPlans.Parse(SweepPlans.Grid));
        var summary = resumed.Run(All(resumed), threads: 2);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Skipped, Is.EqualTo(2));
            Assert.That(summary.Ran, Is.EqualTo(Plan.CellCount - 2));
            Assert.That(summary.Failed, Is.Empty);
            Assert.That(File.GetLastWriteTimeUtc(sweep.CellFile(1)), Is.EqualTo(written), "a done cell is not run again");
            Assert.That(File.Exists(sweep.FailedFile(2)), Is.False, "a cell that succeeds loses its .failed file");
            Assert.That(resumed.Status(), Is.EqualTo(new SweepStatus(Plan.CellCount, Plan.CellCount, [])).Using<SweepStatus>((a, b) => a.Done == b.Done && a.Failed.SequenceEqual(b.Failed)));
        });
    }

    [Test]
    public void FailingCell_LeavesItsFailedFile_AndTheOthersGoOn()
    {
        // Each value is fine with the base scenario (so the plan is read), but a shift from 16:00 to 12:00 is not.
        var plan = SweepPlans.Parse("""
            { "scenario": { "nodes": 100, "days": 1 }, "policies": ["hold"], "replications": 1,
              "parameters": [ { "path": "operators.shift_start_hour", "values": [8, 16] }, { "path": "operators.shift_end_hour", "values": [17, 12] } ] }
            """);
        var sweep = SweepDirectory.Create(directory, plan);

        var summary = sweep.Run(All(sweep), threads: 2);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Failed, Is.EqualTo(new[] { 3 }));
            Assert.That(summary.Ran, Is.EqualTo(3));
            Assert.That(File.Exists(sweep.CellFile(3)), Is.False);
            Assert.That(File.ReadAllText(sweep.FailedFile(3)), Does.Contain("operators shift must satisfy 0 <= start < end <= 24 (got 16 to 12)"));
            Assert.That(sweep.Status().Failed, Is.EqualTo(new[] { 3 }));
        });
    }

    [Test]
    public void InterruptedWrite_LeavesNoPartialCell_NorTemporaryFile()
    {
        var sweep = SweepDirectory.Create(directory, Plan);
        var path = sweep.CellFile(0);

        Assert.Throws<IOException>(() => SweepDirectory.WriteAtomically(path, stream =>
        {
            stream.Write("{\"cell\": 0,"u8);
            throw new IOException("disk full");
        }));

        Assert.Multiple(() =>
        {
            Assert.That(sweep.IsDone(0), Is.False);
            Assert.That(Directory.GetFiles(Path.Combine(directory, SweepDirectory.CellsFolderName)), Is.Empty);
        });
    }

    [Test]
    public void DirectoryOfAnotherPlan_IsRefused_AndLeftAsItWas()
    {
        var sweep = SweepDirectory.Create(directory, Plan);
        sweep.Run([0], threads: 1);
        var before = Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToList();

        var error = Assert.Throws<SweepDirectoryException>(() => SweepDirectory.Create(directory, SweepPlans.Parse(SweepPlans.OtherSeed)));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("holds the sweep of another plan"));
            Assert.That(Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes), Is.EqualTo(before));
        });
    }

    [Test]
    public void NonEmptyDirectoryWithoutSweepJson_IsRefused()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "notes.txt"), "mine");

        var error = Assert.Throws<SweepDirectoryException>(() => SweepDirectory.Create(directory, Plan));

        Assert.That(error.Message, Does.Contain("is not empty and has no sweep.json"));
    }

    [Test]
    public void OtherChunkSize_OnResume_IsRefused()
    {
        SweepDirectory.Create(directory, Plan, chunk: 3);

        var error = Assert.Throws<SweepDirectoryException>(() => SweepDirectory.Create(directory, Plan, chunk: 2));

        Assert.That(error.Message, Does.Contain("holds a sweep in chunks of 3 cells, not 2"));
    }

    [TestCase(1, 0, new[] { 0 })]
    [TestCase(1, 7, new[] { 7 })]
    [TestCase(3, 0, new[] { 0, 1, 2 })]
    [TestCase(3, 2, new[] { 6, 7 })]
    [TestCase(8, 0, new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    [TestCase(100, 0, new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    public void ChunkCells_AreTaskTimesChunk_UpToTheNextChunk_WithinTheCells(int chunk, int task, int[] expected)
    {
        var sweep = SweepDirectory.Create(directory, Plan, chunk);

        Assert.That(sweep.ChunkCells(task), Is.EqualTo(expected));
    }

    [TestCase(1, 8)]
    [TestCase(3, 3)]
    [TestCase(8, 1)]
    public void ChunkCount_IsCellsOverChunkRoundedUp_AndWrittenToSweepJson(int chunk, int chunks)
    {
        var sweep = SweepDirectory.Create(directory, Plan, chunk);

        Assert.Multiple(() =>
        {
            Assert.That(sweep.ChunkCount, Is.EqualTo(chunks));
            Assert.That(File.ReadAllText(Path.Combine(directory, SweepDirectory.PlanFileName)), Does.Contain($"\"chunks\": {chunks}"));
            Assert.That(SweepDirectory.Open(directory).Chunk, Is.EqualTo(chunk));
            Assert.Throws<SweepDirectoryException>(() => sweep.ChunkCells(chunks));
            Assert.Throws<SweepDirectoryException>(() => sweep.ChunkCells(-1));
        });
    }

    [Test]
    public void Open_OfADirectoryWithoutSweepJson_SaysHowToMakeOne()
    {
        var error = Assert.Throws<SweepDirectoryException>(() => SweepDirectory.Open(directory));

        Assert.That(error.Message, Does.Contain("is not a sweep directory (no sweep.json; make one with: ironic-sim sweep PLAN --out"));
    }
}
