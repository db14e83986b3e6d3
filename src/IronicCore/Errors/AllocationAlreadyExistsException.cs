namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>AllocationAlreadyExists</c> (HTTP 409): another allocation has the UUID.
/// </summary>
public sealed class AllocationAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="uuid">The UUID.</param>
    public AllocationAlreadyExistsException(string uuid)
        : base("AllocationAlreadyExists", 409, $"An allocation with UUID {uuid} already exists.")
    {
        Uuid = uuid;
    }

    /// <summary>The UUID.</summary>
    public string Uuid { get; }
}
