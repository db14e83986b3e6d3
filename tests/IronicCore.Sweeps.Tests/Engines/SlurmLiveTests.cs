using IronicCore.Sweeps.Engines;
using IronicCore.Tests.Shared;

namespace IronicCore.Sweeps.Tests.Engines;

/// <summary>Slurm's option syntax as our engine reads it, against a real sbatch (the one-node cluster .ci/run starts, see <see cref="SlurmCluster"/>).</summary>
[Category(SlurmCluster.Category)]
public sealed class SlurmLiveTests
{
    /// <summary>
    /// Spellings sbatch 22.05 takes that its manual does not document: refused by us on purpose, so
    /// no script depends on them.
    /// </summary>
    private static readonly string[] UndocumentedButTaken = ["--time=-1", "--time=1-", "--mem=2GB"];

    [OneTimeSetUp]
    public void RequireCluster() => SlurmCluster.Require();

    [Test]
    public void OurSyntax_AgreesWithSbatch()
    {
        using var script = new TemporaryScript("#!/bin/bash\ntrue\n");
        var disagreements = new List<string>();
        foreach (var time in SlurmOptionTests.ValidTimes.Concat(SlurmOptionTests.InvalidTimes))
        {
            Compare($"--time={time}", SlurmTime.IsValid(time), disagreements, script.Path);
        }

        foreach (var memory in SlurmOptionTests.ValidMemory.Concat(SlurmOptionTests.InvalidMemory))
        {
            // Far below the node's memory: only the syntax is in question.
            Compare($"--mem={memory}", MemorySize.TryParse(memory) is not null, disagreements, script.Path);
        }

        Assert.That(disagreements, Is.EquivalentTo(UndocumentedButTaken));
    }

    private static void Compare(string option, bool ours, List<string> disagreements, string script)
    {
        var (_, said) = SlurmCluster.Run("sbatch", "--test-only", option, script);
        var sbatch = !said.Contains("Invalid", StringComparison.OrdinalIgnoreCase);
        if (ours != sbatch)
        {
            TestContext.Out.WriteLine($"{option}: ours {(ours ? "takes" : "refuses")}, sbatch {(sbatch ? "takes" : "refuses")} ({said.Trim()})");
            disagreements.Add(option);
        }
    }

    /// <summary>A batch script in a temporary file, deleted with it.</summary>
    private sealed class TemporaryScript : IDisposable
    {
        public TemporaryScript(string content)
        {
            Path = System.IO.Path.GetTempFileName();
            File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
