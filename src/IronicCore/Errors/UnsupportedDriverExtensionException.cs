namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>UnsupportedDriverExtension</c> (HTTP 400): the node's driver does not implement the operation.
/// </summary>
public sealed class UnsupportedDriverExtensionException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="driver">The hardware type.</param>
    /// <param name="extension">The interface or operation, e.g. "inspect abort".</param>
    public UnsupportedDriverExtensionException(string driver, string extension)
        : base("UnsupportedDriverExtension", 400, $"Driver {driver} does not support {extension} (disabled or not implemented).")
    {
        Driver = driver;
        Extension = extension;
    }

    /// <summary>The hardware type.</summary>
    public string Driver { get; }

    /// <summary>The interface or operation, e.g. "inspect abort".</summary>
    public string Extension { get; }
}
