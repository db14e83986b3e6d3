namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>PortgroupAlreadyExists</c> (HTTP 409): a new portgroup's UUID is taken.
/// </summary>
public sealed class PortgroupAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="uuid">The new portgroup's UUID.</param>
    public PortgroupAlreadyExistsException(string uuid)
        : base("PortgroupAlreadyExists", 409, $"A portgroup with UUID {uuid} already exists.")
    {
        Uuid = uuid;
    }

    /// <summary>The new portgroup's UUID.</summary>
    public string Uuid { get; }
}
