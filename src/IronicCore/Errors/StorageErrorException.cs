namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>StorageError</c> (HTTP 500): the node's volumes cannot be used as configured (a boot
/// volume the node has no capability to boot from).
/// </summary>
public sealed class StorageErrorException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Ironic's message: its callers pass the whole text.</param>
    public StorageErrorException(string message)
        : base("StorageError", 500, message)
    {
    }
}
