namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>VolumeConnectorAlreadyExists</c> (HTTP 409): another volume connector has this UUID.
/// </summary>
public sealed class VolumeConnectorAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="uuid">The UUID.</param>
    public VolumeConnectorAlreadyExistsException(string uuid)
        : base("VolumeConnectorAlreadyExists", 409, $"A volume connector with UUID {uuid} already exists.")
    {
        Uuid = uuid;
    }

    /// <summary>The UUID.</summary>
    public string Uuid { get; }
}
