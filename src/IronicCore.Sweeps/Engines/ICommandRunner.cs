namespace IronicCore.Sweeps.Engines;

/// <summary>Runs a scheduler's command line tools (sbatch, squeue, sacct): the processes, or a test's fake.</summary>
internal interface ICommandRunner
{
    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/> to its end, or kills it after
    /// <paramref name="timeout"/>; <paramref name="firstLine"/>, when given, gets the first line of its
    /// output as soon as it is printed (sbatch --wait prints the job id, then waits for the job).
    /// Throws <see cref="SweepEngineException"/> when the program cannot be started or times out, and
    /// <see cref="OperationCanceledException"/> (the program killed) when <paramref name="cancellationToken"/> fires.
    /// </summary>
    ProcessResult Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, Action<string>? firstLine = null, CancellationToken cancellationToken = default);
}
