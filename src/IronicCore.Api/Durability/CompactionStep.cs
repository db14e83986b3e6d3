namespace IronicCore.Api.Durability;

/// <summary>The steps of a compaction, in order: where a fault-injection test stops or fails one.</summary>
internal enum CompactionStep
{
    /// <summary>On the loop: the journal goes on in a new segment; nothing else has changed.</summary>
    SegmentStarted,

    /// <summary>Off the loop: the previous snapshot was loaded and the journal it covers replayed over it.</summary>
    Replayed,

    /// <summary>Off the loop: the new snapshot is on the disk under its temporary name.</summary>
    SnapshotWritten,

    /// <summary>Off the loop: the new snapshot is renamed into place; the old files are still there.</summary>
    SnapshotInPlace,

    /// <summary>Off the loop: the older snapshots are deleted, the covered journal segments not yet.</summary>
    SnapshotsPruned,

    /// <summary>Off the loop: the covered journal segments are deleted too.</summary>
    JournalsPruned,
}
