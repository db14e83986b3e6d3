using System.Buffers;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Persistence;

/// <summary>
/// Appends every transition it observes to a journal file, in batches: a batch is written and
/// flushed to the disk (fsync) as a whole, and only then counted in <see cref="Acknowledged"/>.
/// Opening an existing journal first drops a torn last record (see <see cref="Recovered"/>)
/// so appending continues from the last intact one. Subscribe it with
/// <see cref="Conductor.Subscribe"/>; dispose it to write the last batch.
/// </summary>
public sealed class TransitionJournalWriter : ITransitionObserver, IDisposable
{
    private readonly FileStream file;
    private readonly ArrayBufferWriter<byte> batch = new(1 << 16);
    private readonly ArrayBufferWriter<byte> scratch = new(256);
    private readonly int batchSize;
    private int pending;

    /// <summary>Opens (or creates) the journal at <paramref name="path"/> for appending.</summary>
    /// <param name="path">The journal file.</param>
    /// <param name="batchSize">How many records make a batch; at least 1. Default 4,096.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is below 1.</exception>
    /// <exception cref="PersistenceFormatException">The file exists but is not a journal this library can append to.</exception>
    public TransitionJournalWriter(string path, int batchSize = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        this.batchSize = batchSize;
        file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        try
        {
            if (file.Length == 0)
            {
                JournalFrame.WriteHeader(batch);
                WriteBatch();
                return;
            }

            var records = 0L;
            var (validLength, dropped) = TransitionJournal.Scan(file, path, _ => records++);
            Recovered = dropped;
            Acknowledged = records;
            file.SetLength(validLength);
            file.Position = validLength;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>How many records are on the disk: the file holds at least these, whatever happens next.</summary>
    public long Acknowledged { get; private set; }

    /// <summary>When opening found a torn last record and dropped it: where and why. Else null.</summary>
    public string? Recovered { get; }

    /// <inheritdoc/>
    public void OnTransition(in TransitionRecord transition)
    {
        JournalFrame.Write(batch, scratch, transition);
        if (++pending >= batchSize)
        {
            Flush();
        }
    }

    /// <summary>Writes the records not yet written and waits until the disk has them.</summary>
    public void Flush()
    {
        if (pending == 0)
        {
            return;
        }

        WriteBatch();
        Acknowledged += pending;
        pending = 0;
    }

    /// <summary>Writes the last batch and closes the file.</summary>
    public void Dispose()
    {
        Flush();
        file.Dispose();
    }

    private void WriteBatch()
    {
        file.Write(batch.WrittenSpan);
        file.Flush(flushToDisk: true);
        batch.ResetWrittenCount();
    }
}
