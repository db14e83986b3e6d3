using IronicCore.Configuration;
using IronicCore.Errors;

namespace IronicCore.Drivers.Pxe;

/// <summary>
/// Ironic's <c>NetworkError</c> (HTTP 500): the provisioning network cannot give the node what it
/// needs, here a DHCP lease when every address of the pool is taken. The cleaning or deployment
/// that asked fails with this message in <c>last_error</c>.
/// </summary>
public sealed class NetworkErrorException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="network">The provisioning network's name.</param>
    /// <param name="addressCount">How many addresses its pool has.</param>
    public NetworkErrorException(string network, int addressCount)
        : base("NetworkError", 500, $"Network operation failure: no free address in the DHCP pool of network {network} (all {addressCount} addresses are leased).")
    {
        Network = network;
        AddressCount = addressCount;
    }

    /// <summary>The provisioning network's name.</summary>
    public string Network { get; }

    /// <summary>How many addresses its pool has.</summary>
    public int AddressCount { get; }
}
