namespace IronicCore.Persistence;

/// <summary>Why a snapshot or journal file was refused.</summary>
public enum PersistenceFormatError
{
    /// <summary>Not an IronicCore file of the expected kind (wrong magic bytes).</summary>
    Foreign,

    /// <summary>Written by a newer format version than this library reads.</summary>
    NewerVersion,

    /// <summary>The file ends before its content does.</summary>
    Truncated,

    /// <summary>A checksum does not match, or the content cannot be decoded.</summary>
    Corrupted,

    /// <summary>
    /// The snapshot holds the state of a driver package (its hardware type, BMCs, network) that was
    /// not given to the loader: the file is intact, but its drivers' code is needed to load it.
    /// </summary>
    MissingDriver,
}
