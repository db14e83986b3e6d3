using System.Globalization;
using System.Text;

namespace IronicCore.Sweeps.Engines;

/// <summary>
/// Runs a sweep's chunks as a Slurm job array: writes DIR/slurm/sweep.sbatch, submits it with
/// <c>sbatch --parsable</c> and keeps the job id in DIR/slurm/jobs. Submitting again (the same sweep
/// command on the same directory) asks only for the chunks that still miss cells, and is refused while
/// an earlier job of the sweep is still in the queue, so no cell is ever run by two tasks at once.
/// </summary>
public sealed class SlurmEngine
{
    private readonly ICommandRunner runner;

    /// <summary>The engine over the cluster's own commands (sbatch, squeue, sacct on PATH; SLURM_CONF as they read it).</summary>
    public SlurmEngine()
        : this(CommandRunner.Instance)
    {
    }

    /// <summary>The engine over <paramref name="runner"/>: the commands, or a test's fake.</summary>
    internal SlurmEngine(ICommandRunner runner) => this.runner = runner;

    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Submits <paramref name="chunks"/> (the chunks with missing cells, at least one) of the sweep in
    /// <paramref name="sweepDirectory"/>. With <paramref name="wait"/>, returns when the whole array has
    /// ended, with sbatch's exit code (the highest of the tasks'); without, as soon as Slurm took it (0).
    /// <paramref name="submitted"/> hears of the job as soon as Slurm has taken it, before the wait.
    /// </summary>
    /// <remarks>
    /// <paramref name="cancellationToken"/> stops the wait (sbatch is killed), not the job: it goes on
    /// in Slurm, already recorded in DIR/slurm/jobs.
    /// </remarks>
    /// <param name="sweepDirectory">The sweep directory, on a file system every node mounts at the same path.</param>
    /// <param name="chunks">The chunks to run: the array's task ids.</param>
    /// <param name="options">What each task asks of Slurm.</param>
    /// <param name="worker">How a node starts the tool.</param>
    /// <param name="wait">Whether to wait for the array's end (<c>sbatch --wait</c>).</param>
    /// <param name="submitted">Hears of the job once Slurm took it; may be null.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The submission, and sbatch's exit code.</returns>
    /// <exception cref="SweepEngineException">The options are bad, an earlier job of the sweep is still queued, or sbatch refused the job.</exception>
    public (SlurmSubmission Submission, int ExitCode) Submit(string sweepDirectory, IReadOnlyCollection<int> chunks, SlurmJobOptions options, WorkerCommand worker, bool wait, Action<SlurmSubmission>? submitted = null, CancellationToken cancellationToken = default)
    {
        if (options.Errors() is { Count: > 0 } errors)
        {
            throw new SweepEngineException(string.Join("; ", errors));
        }

        sweepDirectory = Path.GetFullPath(sweepDirectory);
        var script = SlurmScript.Write(sweepDirectory, chunks, options, worker);
        RefuseWhileQueued(sweepDirectory);

        Directory.CreateDirectory(SlurmPaths.Logs(sweepDirectory));
        var scriptPath = SlurmPaths.Script(sweepDirectory);
        var temporary = scriptPath + ".tmp";
        File.WriteAllText(temporary, script, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, scriptPath, overwrite: true);

        var array = ChunkRanges.ToArraySpec(chunks, options.MaxRunning);
        SlurmSubmission? submission = null;
        List<string> arguments = ["--parsable", .. wait ? ["--wait"] : Array.Empty<string>(), scriptPath];

        // With --wait, sbatch prints the id at once and exits when the array has ended: the id is kept
        // then, so a sweep interrupted while it waits still knows its job.
        var result = runner.Run("sbatch", arguments, wait ? Timeout.InfiniteTimeSpan : SubmitTimeout, line =>
        {
            if (JobId(line) is { } job)
            {
                submission = new SlurmSubmission(job, array);
                File.AppendAllText(SlurmPaths.Jobs(sweepDirectory), submission.ToLine() + "\n");
                submitted?.Invoke(submission);
            }
        }, cancellationToken);
        if (submission is null)
        {
            throw new SweepEngineException($"sbatch refused the job array: {result.FirstErrorLine}");
        }

        return (submission, result.ExitCode);
    }

    /// <summary>
    /// Lines that say where the sweep's jobs stand: each submission's tasks still queued (by
    /// state), or, once none are, what accounting recorded, or that it keeps nothing.
    /// </summary>
    /// <param name="sweepDirectory">The sweep directory.</param>
    /// <returns>One line per submission in DIR/slurm/jobs; none when the sweep never went to Slurm.</returns>
    /// <exception cref="SweepEngineException">squeue failed, or DIR/slurm/jobs is not the engine's.</exception>
    public IReadOnlyList<string> Status(string sweepDirectory)
    {
        var submissions = SlurmSubmission.ReadAll(sweepDirectory);
        if (submissions.Count == 0)
        {
            return [];
        }

        var queue = new SlurmQueue(runner);
        var ids = submissions.Select(s => s.JobId).ToArray();
        var queued = queue.Queued(ids).ToLookup(task => task.JobId);
        var gone = ids.Where(id => !queued.Contains(id)).ToArray();
        var (accounted, unavailable) = gone.Length > 0 ? queue.Accounted(gone) : ([], null);
        var finished = (accounted ?? []).ToLookup(task => task.JobId);

        var lines = new List<string>();
        foreach (var submission in submissions)
        {
            var head = string.Create(CultureInfo.InvariantCulture, $"slurm job {submission.JobId} (array {submission.Array}): ");
            if (queued.Contains(submission.JobId))
            {
                lines.Add(head + Counts(queued[submission.JobId]) + " in the queue");
            }
            else if (finished.Contains(submission.JobId))
            {
                lines.Add(head + "left the queue; accounting: " + Counts(finished[submission.JobId]));
            }
            else
            {
                lines.Add(head + "not in the queue" + (unavailable is null ? "" : $" (no accounting: {unavailable})"));
            }
        }

        return lines;
    }

    private void RefuseWhileQueued(string sweepDirectory)
    {
        var ids = SlurmSubmission.ReadAll(sweepDirectory).Select(s => s.JobId).ToArray();
        var queued = new SlurmQueue(runner).Queued(ids);
        if (queued.Count > 0)
        {
            var jobs = string.Join(", ", queued.GroupBy(task => task.JobId).Select(job => $"{job.Key} ({Counts(job)})"));
            throw new SweepEngineException(
                $"earlier jobs of this sweep are still in the queue: {jobs}; wait for them (sweep status), or scancel them, before submitting the missing chunks again");
        }
    }

    private static string Counts(IEnumerable<SlurmTaskState> tasks) =>
        string.Join(", ", tasks.GroupBy(task => task.State, StringComparer.Ordinal)
            .OrderBy(state => state.Key, StringComparer.Ordinal)
            .Select(state => string.Create(CultureInfo.InvariantCulture, $"{state.Count()} {state.Key}")));

    /// <summary>The job id in sbatch --parsable's line: <c>ID</c> or <c>ID;CLUSTER</c>.</summary>
    private static long? JobId(string line)
    {
        var id = line.Split(';')[0].Trim();
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var job) ? job : null;
    }
}
