namespace IronicCore.Persistence;

/// <summary>
/// A snapshot's content needs code that was not given to the loader (a driver package whose state
/// it holds); reported as <see cref="PersistenceFormatError.MissingDriver"/>, naming the file.
/// </summary>
internal sealed class SnapshotDependencyException(string message) : Exception(message);
