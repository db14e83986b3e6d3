using System.Globalization;
using System.Text;

namespace IronicCore.Sweeps.Engines;

/// <summary>
/// The batch script of a sweep's job array, DIR/slurm/sweep.sbatch: one array task per chunk with
/// missing cells (task id = chunk index, so the worker reads its chunk from
/// <c>SLURM_ARRAY_TASK_ID</c>), each running <c>ironic-sim sweep worker DIR</c>, its log in
/// DIR/slurm/logs/JOB_TASK.log.
/// </summary>
internal static class SlurmScript
{
    /// <summary>
    /// The script for <paramref name="chunks"/> of the sweep in <paramref name="sweepDirectory"/>
    /// (absolute: the nodes read it, from wherever Slurm starts the task), run by <paramref name="worker"/>.
    /// </summary>
    public static string Write(string sweepDirectory, IReadOnlyCollection<int> chunks, SlurmJobOptions options, WorkerCommand worker)
    {
        if (!Path.IsPathFullyQualified(sweepDirectory))
        {
            throw new ArgumentException($"The sweep directory must be an absolute path, not {sweepDirectory}.", nameof(sweepDirectory));
        }

        if (sweepDirectory.AsSpan().IndexOfAny('"', '\n', '\r') >= 0)
        {
            throw new ArgumentException($"sbatch cannot read a path with a double quote or a line break: {sweepDirectory}.", nameof(sweepDirectory));
        }

        // %A and %a are sbatch's job and task ids in a file name; a % of the directory's own is %%.
        var logs = Path.Combine(SlurmPaths.Logs(sweepDirectory).Replace("%", "%%", StringComparison.Ordinal), "%A_%a.log");
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        Directive(script, "job-name", options.JobName);
        Directive(script, "array", ChunkRanges.ToArraySpec(chunks, options.MaxRunning));
        Directive(script, "output", logs);
        Directive(script, "partition", options.Partition);
        Directive(script, "time", options.Time);
        Directive(script, "mem", options.Memory?.ToSlurm());
        Directive(script, "cpus-per-task", options.CpusPerTask?.ToString(CultureInfo.InvariantCulture));
        script.Append("# Written by ironic-sim sweep --engine slurm. Each array task runs the cells of the chunk\n");
        script.Append("# SLURM_ARRAY_TASK_ID names, skipping those already done; rerunning the sweep command on this\n");
        script.Append("# directory submits the chunks that still miss cells.\n");
        script.Append("set -eu\n");
        // The worker runs its chunk's cells on as many threads as the task has cores.
        string[] threads = options.CpusPerTask is { } cpus ? ["--threads", cpus.ToString(CultureInfo.InvariantCulture)] : [];
        script.Append("exec ").Append(worker.ToShell(sweepDirectory, threads)).Append('\n');
        return script.ToString();
    }

    private static void Directive(StringBuilder script, string option, string? value)
    {
        if (value is not null)
        {
            // sbatch reads #SBATCH lines itself, without a shell: words end at white space, and
            // double quotes (removed) keep a value with a space in one word.
            var word = value.AsSpan().IndexOfAny(' ', '\t') >= 0 ? $"\"{value}\"" : value;
            script.Append("#SBATCH --").Append(option).Append('=').Append(word).Append('\n');
        }
    }
}
