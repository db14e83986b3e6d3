namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>VolumeConnectorNotFound</c> (HTTP 404): no volume connector has this UUID.
/// </summary>
public sealed class VolumeConnectorNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="connector">The UUID asked for.</param>
    public VolumeConnectorNotFoundException(string connector)
        : base("VolumeConnectorNotFound", 404, $"Volume connector {connector} could not be found.")
    {
        Connector = connector;
    }

    /// <summary>The UUID asked for.</summary>
    public string Connector { get; }
}
