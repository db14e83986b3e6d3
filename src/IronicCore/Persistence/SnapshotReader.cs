using MessagePack;

namespace IronicCore.Persistence;

/// <summary>Reads one part of a snapshot.</summary>
internal delegate T SnapshotReader<out T>(ref MessagePackReader reader);
