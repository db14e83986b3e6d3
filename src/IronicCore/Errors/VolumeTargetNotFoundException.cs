namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>VolumeTargetNotFound</c> (HTTP 404): no volume target has this UUID.
/// </summary>
public sealed class VolumeTargetNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="target">The UUID asked for.</param>
    public VolumeTargetNotFoundException(string target)
        : base("VolumeTargetNotFound", 404, $"Volume target {target} could not be found.")
    {
        Target = target;
    }

    /// <summary>The UUID asked for.</summary>
    public string Target { get; }
}
