namespace IronicCore.Persistence;

/// <summary>
/// A snapshot or journal file that cannot be read as it is: which fault (<see cref="Error"/>)
/// and where. Nothing was loaded from it.
/// </summary>
public sealed class PersistenceFormatException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="error">What is wrong with the file.</param>
    /// <param name="message">The whole message, naming the file and the place.</param>
    public PersistenceFormatException(PersistenceFormatError error, string message)
        : base(message) => Error = error;

    /// <summary>Creates the error with the fault that revealed it.</summary>
    /// <param name="error">What is wrong with the file.</param>
    /// <param name="message">The whole message, naming the file and the place.</param>
    /// <param name="inner">The decoding error.</param>
    public PersistenceFormatException(PersistenceFormatError error, string message, Exception inner)
        : base(message, inner) => Error = error;

    /// <summary>What is wrong with the file.</summary>
    public PersistenceFormatError Error { get; }
}
