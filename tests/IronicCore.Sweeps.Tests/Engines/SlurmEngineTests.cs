using IronicCore.Sweeps.Engines;

namespace IronicCore.Sweeps.Tests.Engines;

public sealed class SlurmEngineTests
{
    private static readonly WorkerCommand Worker = new("/opt/ironic-sim/ironic-sim");

    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("sweep-engine-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Submit_WritesTheScript_SubmitsIt_AndKeepsTheJobId()
    {
        var slurm = new FakeRunner().Answer("sbatch", 0, "4242\n");

        var (submission, exit) = new SlurmEngine(slurm).Submit(directory, [0, 1, 2], new SlurmJobOptions(), Worker, wait: false);

        Assert.That((submission, exit), Is.EqualTo((new SlurmSubmission(4242, "0-2"), 0)));
        Assert.That(slurm.Calls.Single().Arguments, Is.EqualTo(new[] { "--parsable", SlurmPaths.Script(directory) }));
        Assert.That(File.ReadAllText(SlurmPaths.Script(directory)), Does.Contain("#SBATCH --array=0-2\n"));
        Assert.That(File.ReadAllText(SlurmPaths.Jobs(directory)), Is.EqualTo("4242 0-2\n"));
        Assert.That(Directory.Exists(SlurmPaths.Logs(directory)), Is.True);
    }

    [Test]
    public void Resubmit_AfterTheEarlierJobLeftTheQueue_AddsALine()
    {
        var slurm = new FakeRunner()
            .Answer("sbatch", 0, "10\n")
            .Answer("squeue", 1, "", "slurm_load_jobs error: Invalid job id specified\n")
            .Answer("sbatch", 0, "11;cluster\n");
        var engine = new SlurmEngine(slurm);
        engine.Submit(directory, [0, 1, 2, 3], new SlurmJobOptions(), Worker, wait: false);

        engine.Submit(directory, [2], new SlurmJobOptions(), Worker, wait: false);

        Assert.That(File.ReadAllText(SlurmPaths.Jobs(directory)), Is.EqualTo("10 0-3\n11 2\n"));
        Assert.That(slurm.Calls[1].Arguments, Does.Contain("--jobs=10"));
    }

    [Test]
    public void Resubmit_WhileAnEarlierJobIsQueued_IsRefused_AndSubmitsNothing()
    {
        File.WriteAllText(SlurmPaths.Jobs(CreateSlurmDirectory()), "10 0-3\n");
        var slurm = new FakeRunner().Answer("squeue", 0, "10|2|RUNNING\n10|3|PENDING\n");

        Assert.That(
            () => new SlurmEngine(slurm).Submit(directory, [2, 3], new SlurmJobOptions(), Worker, wait: false),
            Throws.TypeOf<SweepEngineException>().With.Message.StartsWith("earlier jobs of this sweep are still in the queue: 10 (1 PENDING, 1 RUNNING)"));
        Assert.That(slurm.Calls.Select(call => call.Program), Is.EqualTo(new[] { "squeue" }));
        Assert.That(File.Exists(SlurmPaths.Script(directory)), Is.False);
    }

    [Test]
    public void SbatchsRefusal_IsQuoted_AndNoJobIsRecorded()
    {
        var slurm = new FakeRunner().Answer("sbatch", 1, "", "sbatch: error: invalid partition specified: nosuch\n");

        Assert.That(
            () => new SlurmEngine(slurm).Submit(directory, [0], new SlurmJobOptions { Partition = "nosuch" }, Worker, wait: false),
            Throws.TypeOf<SweepEngineException>().With.Message.EqualTo("sbatch refused the job array: sbatch: error: invalid partition specified: nosuch"));
        Assert.That(File.Exists(SlurmPaths.Jobs(directory)), Is.False);
    }

    [Test]
    public void BadOptions_AreRefused_BeforeAnyCommandRuns()
    {
        var slurm = new FakeRunner();

        Assert.That(
            () => new SlurmEngine(slurm).Submit(directory, [0], new SlurmJobOptions { Time = "2h" }, Worker, wait: false),
            Throws.TypeOf<SweepEngineException>());
        Assert.That(slurm.Calls, Is.Empty);
    }

    [Test]
    public void Wait_PassesWait_AndReturnsTheArraysExitCode()
    {
        var slurm = new FakeRunner().Answer("sbatch", 1, "77\n");

        var (_, exit) = new SlurmEngine(slurm).Submit(directory, [0], new SlurmJobOptions(), Worker, wait: true);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(slurm.Calls.Single().Arguments, Is.EqualTo(new[] { "--parsable", "--wait", SlurmPaths.Script(directory) }));
    }

    [Test]
    public void Status_CountsQueuedTasksByState_AndSaysWhenAccountingKeepsNothing()
    {
        File.WriteAllText(SlurmPaths.Jobs(CreateSlurmDirectory()), "10 0-3\n11 2\n");
        var slurm = new FakeRunner()
            .Answer("squeue", 0, "11|2|RUNNING\n")
            .Answer("sacct", 1, "", "Slurm accounting storage is disabled\n");

        var lines = new SlurmEngine(slurm).Status(directory);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "slurm job 10 (array 0-3): not in the queue (no accounting: sacct: Slurm accounting storage is disabled)",
            "slurm job 11 (array 2): 1 RUNNING in the queue",
        }));
        Assert.That(slurm.Calls[1].Arguments, Does.Contain("--jobs=10"));
    }

    [Test]
    public void Status_WithAccounting_CountsFinishedTasksByState()
    {
        File.WriteAllText(SlurmPaths.Jobs(CreateSlurmDirectory()), "10 0-3\n");
        var slurm = new FakeRunner()
            .Answer("squeue", 1, "", "slurm_load_jobs error: Invalid job id specified\n")
            .Answer("sacct", 0, "10_0|COMPLETED\n10_1|COMPLETED\n10_2|FAILED\n10_3|COMPLETED\n");

        Assert.That(new SlurmEngine(slurm).Status(directory), Is.EqualTo(new[] { "slurm job 10 (array 0-3): left the queue; accounting: 3 COMPLETED, 1 FAILED" }));
    }

    [Test]
    public void Status_OfASweepNeverSubmitted_IsEmpty_AndAsksSlurmNothing() =>
        Assert.That(new SlurmEngine(new FakeRunner()).Status(directory), Is.Empty);

    private string CreateSlurmDirectory()
    {
        Directory.CreateDirectory(SlurmPaths.Root(directory));
        return directory;
    }
}
