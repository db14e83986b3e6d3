namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>MACAlreadyExists</c> (HTTP 409): another port has this MAC address (compared case-insensitively).
/// </summary>
public sealed class MacAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="mac">The MAC address.</param>
    public MacAlreadyExistsException(string mac)
        : base("MACAlreadyExists", 409, $"A port with MAC address {mac} already exists.")
    {
        Mac = mac;
    }

    /// <summary>The MAC address.</summary>
    public string Mac { get; }
}
