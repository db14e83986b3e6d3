namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>VolumeTargetBootIndexAlreadyExists</c> (HTTP 409): another volume target of the
/// same node has this boot index (the database's unique key).
/// </summary>
public sealed class VolumeTargetBootIndexAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="bootIndex">The boot index.</param>
    public VolumeTargetBootIndexAlreadyExistsException(int bootIndex)
        : base("VolumeTargetBootIndexAlreadyExists", 409, $"A volume target with boot index '{bootIndex}' for the same node already exists.")
    {
        BootIndex = bootIndex;
    }

    /// <summary>The boot index.</summary>
    public int BootIndex { get; }
}
