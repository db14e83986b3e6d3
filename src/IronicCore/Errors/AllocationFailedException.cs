namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>AllocationFailed</c> (HTTP 500): no node could be given to the allocation; its text becomes the allocation's <c>last_error</c>.
/// </summary>
public sealed class AllocationFailedException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="uuid">The allocation's UUID.</param>
    /// <param name="error">Why, in Ironic's words.</param>
    public AllocationFailedException(string uuid, string error)
        : base("AllocationFailed", 500, $"Failed to process allocation {uuid}: {error}.")
    {
        Uuid = uuid;
    }

    /// <summary>The allocation's UUID.</summary>
    public string Uuid { get; }
}
