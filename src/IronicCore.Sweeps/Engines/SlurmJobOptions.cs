using System.Text.RegularExpressions;

namespace IronicCore.Sweeps.Engines;

/// <summary>
/// What the sweep's job array asks of Slurm, each the <c>sbatch</c> option of the same name; null
/// leaves it to the cluster's defaults (the partition's time limit, <c>DefMemPerCPU</c> ...).
/// </summary>
public sealed partial record SlurmJobOptions
{
    /// <summary>The most cores a task may ask: the worker's most threads (<c>sweep worker --threads</c>).</summary>
    public const int MaxCpus = 1024;

    /// <summary>The job name when none is given.</summary>
    public const string DefaultJobName = "ironic-sweep";

    /// <summary><c>--job-name</c>: what squeue shows.</summary>
    public string JobName { get; init; } = DefaultJobName;

    /// <summary><c>--partition</c>: one partition, or several separated by commas (the first that can start it).</summary>
    public string? Partition { get; init; }

    /// <summary><c>--time</c>: each array task's time limit, in one of <see cref="SlurmTime.Forms"/>.</summary>
    public string? Time { get; init; }

    /// <summary><c>--mem</c>: each array task's memory.</summary>
    public MemorySize? Memory { get; init; }

    /// <summary><c>--cpus-per-task</c>: each array task's cores (a worker runs its chunk's cells one after another, each on its own threads).</summary>
    public int? CpusPerTask { get; init; }

    /// <summary>The <c>%N</c> of <c>--array</c>: at most this many tasks of the array run at once.</summary>
    public int? MaxRunning { get; init; }

    /// <summary>Every problem with these options, one line each; empty when Slurm will take them.</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        if (!Word().IsMatch(JobName))
        {
            errors.Add($"job name {Quote(JobName)} must be 1-64 letters, digits, '.', '_' or '-'");
        }

        if (Partition is { } partition && !Partitions().IsMatch(partition))
        {
            errors.Add($"partition {Quote(partition)} must be a partition name (letters, digits, '.', '_' or '-'), or several separated by commas");
        }

        if (Time is { } time && !SlurmTime.IsValid(time))
        {
            errors.Add($"time {Quote(time)} is not a Slurm time limit; the forms are {SlurmTime.Forms}");
        }

        if (CpusPerTask is < 1 or > MaxCpus)
        {
            errors.Add($"cpus per task must be from 1 to {MaxCpus}, not {CpusPerTask}");
        }

        if (MaxRunning is < 1)
        {
            errors.Add($"the number of tasks running at once must be at least 1, not {MaxRunning}");
        }

        return errors;
    }

    private static string Quote(string value) => $"'{value}'";

    [GeneratedRegex(@"\A[A-Za-z0-9._-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\A[A-Za-z0-9._-]+(?:,[A-Za-z0-9._-]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Partitions();
}
