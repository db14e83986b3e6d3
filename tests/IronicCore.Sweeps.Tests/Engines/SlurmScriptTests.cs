using IronicCore.Sweeps.Engines;

namespace IronicCore.Sweeps.Tests.Engines;

public sealed class SlurmScriptTests
{
    private static readonly WorkerCommand Dotnet = new("/usr/lib/dotnet/dotnet", "/opt/ironic-sim/IronicCore.Cli.dll");

    [Test]
    public void Script_IsAJobArrayOfTheChunks_WithEveryOptionAsAnSbatchDirective()
    {
        var options = new SlurmJobOptions { Partition = "batch", Time = "0-02:00:00", Memory = MemorySize.TryParse("2G"), CpusPerTask = 2, MaxRunning = 8 };

        var script = SlurmScript.Write("/shared/sweeps/bmc", [0, 1, 2, 3], options, Dotnet);

        Assert.That(script, Is.EqualTo("""
            #!/bin/bash
            #SBATCH --job-name=ironic-sweep
            #SBATCH --array=0-3%8
            #SBATCH --output=/shared/sweeps/bmc/slurm/logs/%A_%a.log
            #SBATCH --partition=batch
            #SBATCH --time=0-02:00:00
            #SBATCH --mem=2G
            #SBATCH --cpus-per-task=2
            # Written by ironic-sim sweep --engine slurm. Each array task runs the cells of the chunk
            # SLURM_ARRAY_TASK_ID names, skipping those already done; rerunning the sweep command on this
            # directory submits the chunks that still miss cells.
            set -eu
            exec '/usr/lib/dotnet/dotnet' '/opt/ironic-sim/IronicCore.Cli.dll' 'sweep' 'worker' '/shared/sweeps/bmc' '--threads' '2'

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Resubmission_AsksOnlyForTheChunksWithMissingCells()
    {
        var script = SlurmScript.Write("/shared/s", [7, 2, 3, 4, 9, 10], new SlurmJobOptions(), Dotnet);

        Assert.That(script, Does.Contain("\n#SBATCH --array=2-4,7,9-10\n"));
    }

    [Test]
    public void OptionsNotGiven_AreLeftToTheCluster()
    {
        var script = SlurmScript.Write("/shared/s", [0], new SlurmJobOptions(), new WorkerCommand("/opt/ironic-sim/ironic-sim"));

        Assert.That(script.Split('\n').Where(line => line.StartsWith("#SBATCH", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "#SBATCH --job-name=ironic-sweep",
            "#SBATCH --array=0",
            "#SBATCH --output=/shared/s/slurm/logs/%A_%a.log",
        }));
        Assert.That(script, Does.Contain("\nexec '/opt/ironic-sim/ironic-sim' 'sweep' 'worker' '/shared/s'\n"));
    }

    [Test]
    public void APathWithSpacesQuotesAndPercent_ReachesSbatchAndTheShellAsOneWord()
    {
        var script = SlurmScript.Write("/shared/it's 100%", [0], new SlurmJobOptions(), Dotnet);

        Assert.That(script, Does.Contain("\n#SBATCH --output=\"/shared/it's 100%%/slurm/logs/%A_%a.log\"\n"));
        Assert.That(script, Does.Contain(" 'sweep' 'worker' '/shared/it'\\''s 100%'\n"));
    }

    [Test]
    public void APathSbatchCannotRead_IsRefused()
    {
        Assert.That(() => SlurmScript.Write("/shared/a\"b", [0], new SlurmJobOptions(), Dotnet), Throws.ArgumentException);
        Assert.That(() => SlurmScript.Write("relative/dir", [0], new SlurmJobOptions(), Dotnet), Throws.ArgumentException);
    }
}
