using System.Globalization;
using System.Runtime.InteropServices;
using IronicCore.Sweeps;
using IronicCore.Sweeps.Engines;

namespace IronicCore.Cli.Commands.Sweep;

/// <summary>
/// Hands a sweep's chunks to a cluster: submits those with missing cells to Slurm as a job array,
/// or writes the Kubernetes Indexed Job that runs them all (a done cell is skipped by its worker).
/// </summary>
internal static class SweepEngines
{
    /// <summary>
    /// Runs <paramref name="sweep"/> on the cluster engine <paramref name="choice"/> names; returns the
    /// exit code: <see cref="IronicSim.BadInput"/> when the scheduler refused the job, or an earlier job
    /// of the sweep is still queued (one line on stderr says which).
    /// </summary>
    /// <remarks>Ctrl-C (<paramref name="cancellationToken"/>) stops <c>--wait</c>, not the job, which goes on in Slurm.</remarks>
    public static int Run(SweepEngineChoice choice, SweepDirectory sweep, CliOutput output, CancellationToken cancellationToken)
    {
        try
        {
            return choice switch
            {
                { Slurm: { } slurm } => Slurm(slurm, choice.Wait, sweep, output, cancellationToken),
                { Kubernetes: { } kubernetes } => Kubernetes(kubernetes, sweep, output),
                _ => throw new InvalidOperationException($"engine {choice.Name} runs no cluster"),
            };
        }
        catch (SweepEngineException refused)
        {
            output.Error.WriteLine($"ironic-sim sweep: {refused.Message}");
            return IronicSim.BadInput;
        }
    }

    /// <summary>
    /// Writes the lines <c>sweep status</c> adds for the sweep's Slurm jobs (none when it never went
    /// to Slurm); returns the exit code: <see cref="IronicSim.Failed"/> when the queue cannot be read.
    /// </summary>
    public static int Status(string sweepDirectory, CliOutput output)
    {
        try
        {
            foreach (var line in new SlurmEngine().Status(sweepDirectory))
            {
                output.Out.WriteLine(line);
            }

            return 0;
        }
        catch (SweepEngineException error)
        {
            output.Error.WriteLine($"ironic-sim sweep status: the sweep's Slurm jobs: {error.Message}");
            return IronicSim.Failed;
        }
    }

    /// <summary>The command a cluster node runs to start this tool, as this process was started.</summary>
    public static WorkerCommand Worker()
    {
        // The dotnet host next to the running runtime: /usr/lib/dotnet/shared/Microsoft.NETCore.App/10.0.x/ → /usr/lib/dotnet/dotnet.
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return WorkerCommand.Of(Environment.ProcessPath ?? host, typeof(SweepEngines).Assembly.Location, host);
    }

    private static int Slurm(SlurmJobOptions options, bool wait, SweepDirectory sweep, CliOutput output, CancellationToken cancellationToken)
    {
        var chunks = sweep.UnfinishedChunks().ToList();
        if (chunks.Count == 0)
        {
            output.Out.WriteLine($"sweep: every cell is done; nothing to submit (ironic-sim sweep report {sweep.Path})");
            return 0;
        }

        var script = SlurmPaths.Script(Path.GetFullPath(sweep.Path));
        var (submission, exit) = new SlurmEngine().Submit(sweep.Path, chunks, options, Worker(), wait, job =>
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sweep: Slurm job {job.JobId}, array {job.Array}: {Plural.Of(chunks.Count, "task")} of {Plural.Of(sweep.Chunk, "cell")} ({script})")), cancellationToken);
        if (!wait)
        {
            output.Out.WriteLine($"sweep: follow it with: ironic-sim sweep status {sweep.Path}");
            return 0;
        }

        var status = sweep.Status();
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep: job {submission.JobId} ended (sbatch exit {exit}): {status.Done} of {Plural.Of(status.Cells, "cell")} done, {status.Missing} missing"));
        if (status.Missing == 0)
        {
            return 0;
        }

        output.Error.WriteLine($"ironic-sim sweep: {Plural.Of(status.Missing, "cell")} missing; the tasks' logs are in {SlurmPaths.Logs(Path.GetFullPath(sweep.Path))}; rerun the same command to submit their chunks again");
        return IronicSim.Failed;
    }

    private static int Kubernetes(KubernetesJobOptions options, SweepDirectory sweep, CliOutput output)
    {
        var path = KubernetesManifest.WriteTo(sweep.Path, sweep.ChunkCount, options);
        var missing = sweep.UnfinishedChunks().Count();
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep: wrote {path}: an Indexed Job of {Plural.Of(sweep.ChunkCount, "completion")} ({missing} with missing cells); put {sweep.Path} on the claim {options.Claim}{(options.SubPath is null ? "" : $" at {options.SubPath}")}, then: kubectl apply -f {path}"));
        return 0;
    }
}
