namespace IronicCore.Api.Durability;

/// <summary>What a journal record holds.</summary>
internal enum JournalRecordKind : byte
{
    /// <summary>A request whose work the conductor ran.</summary>
    Request = 1,

    /// <summary>Where a real-clock session put virtual time against the wall clock.</summary>
    ClockAnchor = 2,
}
