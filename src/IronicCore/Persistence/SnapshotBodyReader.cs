using MessagePack;

namespace IronicCore.Persistence;

/// <summary>Decodes a snapshot's body, which <see cref="SnapshotFile.Read{T}"/> has checked whole.</summary>
/// <typeparam name="T">What the body holds.</typeparam>
/// <param name="reader">The body, from its first byte; read it to its end.</param>
/// <param name="format">The file's format (1 to <see cref="SnapshotFile.Version"/>), which the decoders follow.</param>
/// <returns>What was read.</returns>
public delegate T SnapshotBodyReader<out T>(ref MessagePackReader reader, int format);
