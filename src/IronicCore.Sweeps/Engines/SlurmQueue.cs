using System.Globalization;

namespace IronicCore.Sweeps.Engines;

/// <summary>
/// What Slurm says of a sweep's jobs: <c>squeue</c> for tasks still pending or running, and
/// <c>sacct</c> for finished ones where the cluster keeps accounting (slurmdbd); without it,
/// finished tasks are simply gone from the queue, and the sweep directory's cells tell the rest.
/// </summary>
internal sealed class SlurmQueue(ICommandRunner runner)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The tasks of <paramref name="jobIds"/> still in the queue, one per task.</summary>
    public IReadOnlyList<SlurmTaskState> Queued(IReadOnlyCollection<long> jobIds)
    {
        if (jobIds.Count == 0)
        {
            return [];
        }

        var result = runner.Run("squeue", ["--noheader", "--array", "--format=%F|%K|%T", $"--jobs={Join(jobIds)}"], Timeout);
        if (result.ExitCode != 0)
        {
            // squeue refuses a list of ids none of which it knows any more: all of them have left the queue.
            if (result.Error.Contains("Invalid job id", StringComparison.Ordinal))
            {
                return [];
            }

            throw new SweepEngineException($"squeue failed: {result.FirstErrorLine}");
        }

        return Parse(result.Output);
    }

    /// <summary>
    /// The accounting records of <paramref name="jobIds"/> (sacct), or null with the reason when the
    /// cluster keeps none (no slurmdbd: sacct says so and exits 1) or sacct is missing.
    /// </summary>
    public (IReadOnlyList<SlurmTaskState>? Tasks, string? Unavailable) Accounted(IReadOnlyCollection<long> jobIds)
    {
        if (jobIds.Count == 0)
        {
            return ([], null);
        }

        ProcessResult result;
        try
        {
            result = runner.Run("sacct", ["--noheader", "--parsable2", "--allocations", "--format=JobID,State", $"--jobs={Join(jobIds)}"], Timeout);
        }
        catch (SweepEngineException missing)
        {
            return (null, missing.Message);
        }

        if (result.ExitCode != 0)
        {
            return (null, $"sacct: {result.FirstErrorLine}");
        }

        var tasks = new List<SlurmTaskState>();
        foreach (var line in Lines(result.Output))
        {
            // JobID is JOB_TASK, JOB_[RANGE] for pending tasks, or JOB for a job that is not an array.
            var fields = line.Split('|');
            var id = fields[0];
            var underscore = id.IndexOf('_', StringComparison.Ordinal);
            var job = underscore < 0 ? id : id[..underscore];
            var task = underscore < 0 ? "" : id[(underscore + 1)..];
            if (fields.Length == 2 && long.TryParse(job, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId))
            {
                tasks.Add(new SlurmTaskState(jobId, task, fields[1]));
            }
        }

        return (tasks, null);
    }

    /// <summary>Parses squeue's <c>%F|%K|%T</c> lines: array job id, task id, state.</summary>
    internal static IReadOnlyList<SlurmTaskState> Parse(string output)
    {
        var tasks = new List<SlurmTaskState>();
        foreach (var line in Lines(output))
        {
            var fields = line.Split('|');
            if (fields.Length != 3 || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var job))
            {
                throw new SweepEngineException($"squeue printed '{line}', not 'JOB|TASK|STATE'.");
            }

            tasks.Add(new SlurmTaskState(job, fields[1], fields[2]));
        }

        return tasks;
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Join(IEnumerable<long> ids) => string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
}
