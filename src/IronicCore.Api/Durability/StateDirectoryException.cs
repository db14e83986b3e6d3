namespace IronicCore.Api.Durability;

/// <summary>A state directory cannot be served from; the message is one line naming the file (and offset) at fault.</summary>
public sealed class StateDirectoryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StateDirectoryException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">One line: what is wrong, where.</param>
    public StateDirectoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">One line: what is wrong, where.</param>
    /// <param name="innerException">The cause.</param>
    public StateDirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a file (and offset) at fault.</summary>
    /// <param name="error">Why.</param>
    /// <param name="file">The file at fault.</param>
    /// <param name="offset">The byte offset in <paramref name="file"/>, when one record is at fault.</param>
    /// <param name="message">What is wrong, without the file's name.</param>
    /// <param name="innerException">The cause, if any.</param>
    public StateDirectoryException(StateDirectoryError error, string file, long? offset, string message, Exception? innerException = null)
        : base(offset is { } at ? $"{file} at byte {at}: {message}" : $"{file}: {message}", innerException)
    {
        Error = error;
        File = file;
        Offset = offset;
    }

    /// <summary>Why the directory was refused.</summary>
    public StateDirectoryError Error { get; }

    /// <summary>The file at fault (or the directory).</summary>
    public string? File { get; }

    /// <summary>The byte offset of the damaged record in <see cref="File"/>, when one is at fault.</summary>
    public long? Offset { get; }
}
