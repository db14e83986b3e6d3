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
