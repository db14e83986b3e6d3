namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>InvalidUuidOrName</c> (HTTP 400): an identifier is neither a UUID nor a valid
/// logical name (RFC 3986 unreserved characters).
/// </summary>
public sealed class InvalidUuidOrNameException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="name">The identifier given.</param>
    public InvalidUuidOrNameException(string name)
        : base("InvalidUuidOrName", 400, $"Expected a logical name or UUID but received {name}.")
    {
        Name = name;
    }

    /// <summary>The identifier given.</summary>
    public string Name { get; }
}
