namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>VolumeTargetAlreadyExists</c> (HTTP 409): another volume target has this UUID.
/// </summary>
public sealed class VolumeTargetAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="uuid">The UUID.</param>
    public VolumeTargetAlreadyExistsException(string uuid)
        : base("VolumeTargetAlreadyExists", 409, $"A volume target with UUID {uuid} already exists.")
    {
        Uuid = uuid;
    }

    /// <summary>The UUID.</summary>
    public string Uuid { get; }
}
