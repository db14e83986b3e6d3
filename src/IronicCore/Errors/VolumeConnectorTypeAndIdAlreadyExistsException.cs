namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>VolumeConnectorTypeAndIdAlreadyExists</c> (HTTP 409): another volume connector,
/// of any node, has this type and connector ID (the database's unique key).
/// </summary>
public sealed class VolumeConnectorTypeAndIdAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="type">The connector's type.</param>
    /// <param name="connectorId">The connector ID.</param>
    public VolumeConnectorTypeAndIdAlreadyExistsException(string type, string connectorId)
        : base("VolumeConnectorTypeAndIdAlreadyExists", 409, $"A volume connector with type {type} and connector ID {connectorId} already exists.")
    {
        Type = type;
        ConnectorId = connectorId;
    }

    /// <summary>The connector's type.</summary>
    public string Type { get; }

    /// <summary>The connector ID.</summary>
    public string ConnectorId { get; }
}
