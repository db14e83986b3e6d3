namespace IronicCore.Api.Durability;

/// <summary>
/// The journal after the newest snapshot: the records to replay, in order, and where writing goes
/// on (the newest segment, cut after its last intact record; null to start a new one).
/// </summary>
internal sealed record JournalTail(long Covered, IReadOnlyList<JournalRecord> Records, string? Segment, long SegmentLength)
{
    /// <summary>The last sequence number used.</summary>
    public long LastSequence => Records.Count == 0 ? Covered : Records[^1].Sequence;

    /// <summary>The newest clock anchor in the tail, if a real-clock session wrote one.</summary>
    public JournalRecord? Anchor => Records.LastOrDefault(r => r.Kind == JournalRecordKind.ClockAnchor);

    /// <summary>
    /// The records after <paramref name="from"/> up to <paramref name="to"/>, from the segments that
    /// end before the one the loop now writes (journal-<paramref name="to"/> and later are not read).
    /// </summary>
    /// <exception cref="StateDirectoryException">A damaged record, or a record missing.</exception>
    public static List<JournalRecord> Between(string directory, long from, long to)
    {
        var records = new List<JournalRecord>();
        foreach (var (start, path) in StateFiles.Journals(directory))
        {
            if (start >= to)
            {
                break;
            }

            foreach (var (offset, record) in JournalFile.Read(path, last: false).Records)
            {
                if (record.Sequence > from && record.Sequence <= to)
                {
                    if (record.Sequence != from + records.Count + 1)
                    {
                        throw new StateDirectoryException(
                            StateDirectoryError.Corrupted, path, offset, $"record {record.Sequence} where {from + records.Count + 1} should be: a record is missing");
                    }

                    records.Add(record);
                }
            }
        }

        return records.Count == to - from
            ? records
            : throw new StateDirectoryException(StateDirectoryError.Corrupted, directory, null, $"the journal ends at record {from + records.Count}, before record {to}, which was acknowledged");
    }

    /// <exception cref="StateDirectoryException">A damaged record before the end, or records out of sequence.</exception>
    public static JournalTail Read(string directory, long covered)
    {
        var segments = StateFiles.Journals(directory);
        var records = new List<JournalRecord>();
        var expected = covered + 1;
        string? last = null;
        long length = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var (_, path) = segments[i];
            var (read, intact, _) = JournalFile.Read(path, last: i == segments.Count - 1);
            foreach (var (offset, record) in read)
            {
                if (record.Sequence <= covered)
                {
                    continue;
                }

                if (record.Sequence != expected)
                {
                    throw new StateDirectoryException(
                        StateDirectoryError.Corrupted, path, offset, $"record {record.Sequence} where {expected} should be: a record is missing");
                }

                records.Add(record);
                expected++;
            }

            (last, length) = (path, intact);
        }

        return new JournalTail(covered, records, last, length);
    }
}
