namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>PortAlreadyExists</c> (HTTP 409): a new port's UUID is taken. Ironic's database
/// reports a taken name on creation the same way, naming the UUID.
/// </summary>
public sealed class PortAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="uuid">The new port's UUID.</param>
    public PortAlreadyExistsException(string uuid)
        : base("PortAlreadyExists", 409, $"A port with UUID {uuid} already exists.")
    {
        Uuid = uuid;
    }

    /// <summary>The new port's UUID.</summary>
    public string Uuid { get; }
}
