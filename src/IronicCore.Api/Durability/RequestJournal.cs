using System.Buffers;

namespace IronicCore.Api.Durability;

/// <summary>
/// Appends records to the newest journal segment and makes them durable in groups: records wait
/// in memory until <see cref="Commit"/> writes them with one write and one flush to the disk.
/// <see cref="Rotate"/> starts a new segment, for a snapshot to fold the ones before it into.
/// </summary>
internal sealed class RequestJournal : IDisposable
{
    private readonly string directory;
    private readonly ArrayBufferWriter<byte> pending = new(1 << 16);
    private readonly ArrayBufferWriter<byte> scratch = new(1 << 12);
    private FileStream segment;

    public RequestJournal(string directory, JournalTail tail)
    {
        this.directory = directory;
        NextSequence = tail.LastSequence + 1;
        if (tail.Segment is { } path && tail.SegmentLength >= JournalFile.HeaderLength)
        {
            segment = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0);
            // A torn last record is cut off, so what follows is appended after the last intact one.
            segment.SetLength(tail.SegmentLength);
            segment.Seek(0, SeekOrigin.End);
            segment.Flush(flushToDisk: true);
            SinceSnapshot = tail.Records.Count;
        }
        else
        {
            segment = NewSegment(tail.Segment ?? StateFiles.Journal(directory, tail.LastSequence));
        }
    }

    /// <summary>The sequence number the next record gets.</summary>
    public long NextSequence { get; private set; }

    /// <summary>Records written since the newest snapshot.</summary>
    public long SinceSnapshot { get; private set; }

    /// <summary>Bytes waiting for <see cref="Commit"/>.</summary>
    public int Pending => pending.WrittenCount;

    /// <summary>Queues a record; it is durable after the next <see cref="Commit"/>.</summary>
    public void Append(JournalRecord record)
    {
        JournalFile.WriteFrame(pending, scratch, record with { Sequence = NextSequence });
        NextSequence++;
        SinceSnapshot++;
    }

    /// <summary>Writes the queued records and flushes them to the disk.</summary>
    /// <exception cref="IOException">The disk refused them: nothing queued can be acknowledged.</exception>
    public void Commit()
    {
        if (pending.WrittenCount == 0)
        {
            return;
        }

        segment.Write(pending.WrittenSpan);
        segment.Flush(flushToDisk: true);
        pending.ResetWrittenCount();
    }

    /// <summary>
    /// Commits what is queued and goes on in a new segment, named after the last record so far,
    /// which a snapshot may then cover: the segments before it are never written again.
    /// </summary>
    /// <returns>The last record so far.</returns>
    public long Rotate()
    {
        Commit();
        var covered = NextSequence - 1;
        segment.Dispose();
        segment = NewSegment(StateFiles.Journal(directory, covered));
        SinceSnapshot = 0;
        return covered;
    }

    public void Dispose() => segment.Dispose();

    private FileStream NewSegment(string path)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        stream.Write(JournalFile.Header());
        stream.Flush(flushToDisk: true);
        StateFiles.FlushDirectory(directory);
        return stream;
    }
}
