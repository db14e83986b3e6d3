namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>PortgroupMACAlreadyExists</c> (HTTP 409): another portgroup has this MAC address
/// (a port may share it: a bond takes a member's address).
/// </summary>
public sealed class PortgroupMacAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="mac">The MAC address.</param>
    public PortgroupMacAlreadyExistsException(string mac)
        : base("PortgroupMACAlreadyExists", 409, $"A portgroup with MAC address {mac} already exists.")
    {
        Mac = mac;
    }

    /// <summary>The MAC address.</summary>
    public string Mac { get; }
}
