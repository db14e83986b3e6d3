namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>ChassisAlreadyExists</c> (HTTP 409): another chassis has the UUID.
/// </summary>
public sealed class ChassisAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="uuid">The UUID.</param>
    public ChassisAlreadyExistsException(string uuid)
        : base("ChassisAlreadyExists", 409, $"A chassis with UUID {uuid} already exists.")
    {
        Uuid = uuid;
    }

    /// <summary>The UUID.</summary>
    public string Uuid { get; }
}
