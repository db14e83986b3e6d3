namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>PortNotFound</c> (HTTP 404): no port has this UUID, name or MAC address.
/// </summary>
public sealed class PortNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="port">The UUID, name or address asked for.</param>
    public PortNotFoundException(string port)
        : base("PortNotFound", 404, $"Port {port} could not be found.")
    {
        Port = port;
    }

    /// <summary>The UUID, name or address asked for.</summary>
    public string Port { get; }
}
