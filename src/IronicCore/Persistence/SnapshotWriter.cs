using MessagePack;

namespace IronicCore.Persistence;

/// <summary>Writes one part of a snapshot.</summary>
internal delegate void SnapshotWriter(ref MessagePackWriter writer);
