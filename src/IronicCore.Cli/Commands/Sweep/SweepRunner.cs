using System.Globalization;
using IronicCore.Sweeps;
using Spectre.Console;

namespace IronicCore.Cli.Commands.Sweep;

/// <summary>Runs cells of a sweep directory with a progress display, and says what was done: the local engine and the worker share it.</summary>
internal static class SweepRunner
{
    /// <summary>The most <c>--threads</c> takes.</summary>
    public const int MaxThreads = 1024;

    /// <summary><paramref name="threads"/> given by <c>--threads</c>, checked, or <paramref name="fallback"/>.</summary>
    /// <exception cref="InputRefusedException">Out of range.</exception>
    public static int Threads(int? threads, int fallback) => threads switch
    {
        null => fallback,
        < 1 or > MaxThreads => throw new InputRefusedException(string.Create(CultureInfo.InvariantCulture, $"--threads must be from 1 to {MaxThreads:N0}, not {threads}")),
        { } n => n,
    };

    /// <summary>
    /// Runs <paramref name="cells"/> of <paramref name="sweep"/> not yet done; prints one line of what
    /// was run, and one on stderr per cell that failed. Returns the exit code: 0 when every cell
    /// asked for is done, <see cref="IronicSim.Failed"/> when one failed.
    /// </summary>
    public static int Run(string command, SweepDirectory sweep, IReadOnlyList<int> cells, int threads, CliOutput output, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var finished = 0;
        SweepRunSummary? summary = null;
        new RunProgress(command, [$"{Plural.Of(cells.Count, "cell")} on {Plural.Of(threads, "thread")}"], output, cancellationToken)
            .Run(console, report =>
                summary = sweep.Run(cells, threads, (_, _) => report(0, (double)Interlocked.Increment(ref finished) / cells.Count), cancellationToken));
        var (ran, skipped, failed) = summary!;
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Plural.Of(cells.Count, "cell")}: {ran} run now, {skipped} already done, {failed.Length} failed ({Path.Combine(sweep.Path, SweepDirectory.CellsFolderName)})"));
        foreach (var cell in failed)
        {
            output.Error.WriteLine($"ironic-sim {command}: cell {cell} failed; its error is in {sweep.FailedFile(cell)}");
        }

        return failed.IsEmpty ? 0 : IronicSim.Failed;
    }
}
