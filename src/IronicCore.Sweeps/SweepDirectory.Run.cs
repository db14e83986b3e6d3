using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using IronicCore.Fleet;

namespace IronicCore.Sweeps;

// Running cells into the directory.
public sealed partial class SweepDirectory
{
    /// <summary>
    /// Runs every cell of <paramref name="cells"/> that has no result yet, <paramref name="threads"/>
    /// at once, each cell's policies one after the other on its thread. A cell that throws leaves its
    /// <c>.failed</c> file and the others go on; one that succeeds removes its <c>.failed</c> file.
    /// The results do not depend on <paramref name="threads"/>.
    /// </summary>
    /// <param name="cells">The cells' indexes (all of them: <c>Enumerable.Range(0, Plan.CellCount)</c>; a task's: <see cref="ChunkCells"/>).</param>
    /// <param name="threads">How many cells run at once; one or more.</param>
    /// <param name="finished">Told of each cell run now (its index, and whether it succeeded), from the cells' threads; null for none.</param>
    /// <param name="cancellationToken">Stops starting cells; those running finish.</param>
    /// <returns>What was run, skipped and failed.</returns>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public SweepRunSummary Run(IEnumerable<int> cells, int threads, Action<int, bool>? finished = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var all = cells.ToList();
        var pending = all.Where(cell => !IsDone(cell)).ToList();
        var failed = new ConcurrentBag<int>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.ForEach(pending, options, cell =>
        {
            var ok = RunCell(cell);
            if (!ok)
            {
                failed.Add(cell);
            }

            finished?.Invoke(cell, ok);
        });

        return new SweepRunSummary(pending.Count - failed.Count, all.Count - pending.Count, [.. failed.Order()]);
    }

    /// <summary>Runs cell <paramref name="cell"/> and writes its result, or its <c>.failed</c> file.</summary>
    /// <returns>Whether it succeeded.</returns>
    internal bool RunCell(int cell)
    {
        byte[] bytes;
        try
        {
            bytes = Result(cell).ToBytes(Plan);
        }
#pragma warning disable CA1031 // A cell's failure, whatever it is, is the cell's: written down, and the other cells go on.
        catch (Exception error)
#pragma warning restore CA1031
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"cell {cell}: {error.GetType().FullName}: {error.Message}\n{error.StackTrace}\n");
            WriteAtomically(FailedFile(cell), stream => stream.Write(Encoding.UTF8.GetBytes(text)));
            return false;
        }

        WriteAtomically(CellFile(cell), stream => stream.Write(bytes));
        File.Delete(FailedFile(cell));
        return true;
    }

    /// <summary>Runs cell <paramref name="cell"/>'s policies, one after the other, as <c>ironic-sim fleet --replications 1</c> would.</summary>
    internal SweepCellResult Result(int cell)
    {
        var made = Plan.Cell(cell);
        var experiment = new FleetExperiment(made.Scenario, Plan.PolicyFactories, 1) { MaxDegreeOfParallelism = 1 };
        return SweepCellResult.Of(made, experiment.Run());
    }

    /// <summary>
    /// Writes <paramref name="path"/> whole or not at all: to a temporary file beside it (named for this
    /// host and process, so two writers never share one), flushed to disk, then renamed over it.
    /// A write that fails removes its temporary file.
    /// </summary>
    internal static void WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = string.Create(CultureInfo.InvariantCulture, $"{path}.{Environment.MachineName}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
