using MessagePack;

namespace IronicCore.Persistence;

/// <summary>Writes one part of a snapshot as one MessagePack value (e.g. a simulation's own state beside its conductor's).</summary>
/// <param name="writer">Where to write.</param>
public delegate void SnapshotWriter(ref MessagePackWriter writer);
