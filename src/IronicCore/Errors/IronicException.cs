namespace IronicCore.Errors;

/// <summary>
/// An error Ironic would answer with: <see cref="IronicClass"/> is the exception class name
/// Ironic uses (<c>ironic/common/exception.py</c>) and <see cref="HttpStatus"/> the status its
/// API returns for it. Whatever raised it changed nothing.
/// </summary>
public abstract class IronicException : Exception
{
    /// <summary>
    /// Creates the error with Ironic's class name, HTTP status and message. Drivers derive their
    /// own errors from here, named after the Ironic class they stand for.
    /// </summary>
    protected IronicException(string ironicClass, int httpStatus, string message)
        : base(message)
    {
        IronicClass = ironicClass;
        HttpStatus = httpStatus;
    }

    /// <summary>Ironic's exception class name, e.g. <c>InvalidStateRequested</c>.</summary>
    public string IronicClass { get; }

    /// <summary>The HTTP status Ironic's API answers with, e.g. 400.</summary>
    public int HttpStatus { get; }

    /// <summary>
    /// Whether the error stands for a library's exception that Ironic lets through unwrapped (sushy's
    /// HTTP errors) rather than one of Ironic's own: where Ironic catches its own apart it words
    /// these differently (e.g. "Failed to prepare to deploy. Exception: ..."). False by default.
    /// </summary>
    public virtual bool IsLibraryError => false;

    /// <summary>
    /// The message after <paramref name="failure"/> as Ironic's workers word it when they catch their
    /// own exceptions apart from the rest: "failure: message", or "failure. Exception: message" for a
    /// library's error.
    /// </summary>
    internal string After(string failure) => IsLibraryError ? $"{failure}. Exception: {Message}" : $"{failure}: {Message}";
}
