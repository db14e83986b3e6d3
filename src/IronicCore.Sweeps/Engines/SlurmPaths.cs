namespace IronicCore.Sweeps.Engines;

/// <summary>The Slurm engine's files in a sweep directory, all under DIR/slurm.</summary>
public static class SlurmPaths
{
    /// <summary>DIR/slurm.</summary>
    public static string Root(string sweepDirectory) => Path.Combine(sweepDirectory, "slurm");

    /// <summary>DIR/slurm/sweep.sbatch: the last script submitted.</summary>
    public static string Script(string sweepDirectory) => Path.Combine(Root(sweepDirectory), "sweep.sbatch");

    /// <summary>DIR/slurm/jobs: one line per submission, the job id and the array it asked for.</summary>
    public static string Jobs(string sweepDirectory) => Path.Combine(Root(sweepDirectory), "jobs");

    /// <summary>DIR/slurm/logs: each array task's output, JOB_TASK.log.</summary>
    public static string Logs(string sweepDirectory) => Path.Combine(Root(sweepDirectory), "logs");
}
