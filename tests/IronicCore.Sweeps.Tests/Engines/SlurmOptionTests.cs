using IronicCore.Sweeps.Engines;

namespace IronicCore.Sweeps.Tests.Engines;

/// <summary>
/// Slurm's documented option syntax (man sbatch, 22.05). Every case here was also given to a real
/// sbatch --test-only (SlurmLiveTests.OurSyntax_AgreesWithSbatch).
/// </summary>
public sealed class SlurmOptionTests
{
    public static readonly string[] ValidTimes = ["10", "90", "1:30", "1:00:00", "36:00:00", "2-0", "2-1:30", "2-1:30:00", "0", "INFINITE", "unlimited"];

    public static readonly string[] InvalidTimes = ["", "1h", "1.5", " 5", "1:2:3:4", "1-2-3", "1:", ":30", "2-1:30:00:00", "forever", "-1", "1-"];

    public static readonly string[] ValidMemory = ["100", "100M", "100m", "2G", "2g", "512K", "512k", "1T", "0"];

    public static readonly string[] InvalidMemory = ["", "1.5G", "G", "-1", "2 G", "2Gi", "1e3", "2GB"];

    [TestCaseSource(nameof(ValidTimes))]
    public void Time_InADocumentedForm_IsTaken(string time) =>
        Assert.That(new SlurmJobOptions { Time = time }.Errors(), Is.Empty);

    [TestCaseSource(nameof(InvalidTimes))]
    public void Time_NotInADocumentedForm_IsRefused_NamingTheForms(string time) =>
        Assert.That(new SlurmJobOptions { Time = time }.Errors(), Has.One.Contains($"time '{time}' is not a Slurm time limit; the forms are minutes, minutes:seconds"));

    [TestCaseSource(nameof(ValidMemory))]
    public void Memory_WithAnOptionalUnit_IsTaken(string memory) =>
        Assert.That(MemorySize.TryParse(memory), Is.Not.Null);

    [TestCaseSource(nameof(InvalidMemory))]
    public void Memory_InAnyOtherForm_IsRefused(string memory) =>
        Assert.That(MemorySize.TryParse(memory), Is.Null);

    [TestCase("2048", "2048M", "2048Mi")]
    [TestCase("2g", "2G", "2Gi")]
    [TestCase("512k", "512K", "512Ki")]
    public void Memory_IsTheSameBytes_ForSlurmAndKubernetes(string given, string slurm, string kubernetes)
    {
        var size = MemorySize.TryParse(given)!;

        Assert.That((size.ToSlurm(), size.ToKubernetes()), Is.EqualTo((slurm, kubernetes)));
    }

    [Test]
    public void EveryBadOption_IsReported_InOnePass()
    {
        var options = new SlurmJobOptions { JobName = "two words", Partition = "a b", Time = "1h", CpusPerTask = 1025, MaxRunning = 0 };

        Assert.That(options.Errors(), Has.Count.EqualTo(5));
    }

    [TestCase("batch")]
    [TestCase("batch,long")]
    [TestCase("gpu-a100.q")]
    public void Partition_OneOrSeveral_IsTaken(string partition) =>
        Assert.That(new SlurmJobOptions { Partition = partition }.Errors(), Is.Empty);
}
