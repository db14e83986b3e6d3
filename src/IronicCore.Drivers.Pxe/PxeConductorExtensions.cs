using System.Net;
using System.Net.Sockets;
using IronicCore.Configuration;
using IronicCore.Errors;

namespace IronicCore.Drivers.Pxe;

/// <summary>Adds a provisioning network to a conductor.</summary>
public static class PxeConductorExtensions
{
    /// <summary>
    /// Creates a provisioning network whose boot interface and image transfer a hardware type can
    /// use (e.g. <c>AddIpmiHardwareType(network.Boot, network.ImageTransfer)</c>), and registers it
    /// with the conductor's <see cref="Conductor.DriverStates"/> so that its snapshots keep it.
    /// </summary>
    /// <param name="conductor">The conductor whose clock the network runs on.</param>
    /// <param name="options">The network; null for the defaults.</param>
    /// <returns>The network.</returns>
    /// <exception cref="InvalidParameterValueException">An option is out of range; the first one found is named.</exception>
    public static PxeNetwork AddPxeNetwork(this Conductor conductor, PxeNetworkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(conductor);
        options ??= new PxeNetworkOptions();
        Check(options);
        var network = new PxeNetwork(conductor, options);
        conductor.AddDriverState(network);
        return network;
    }

    /// <exception cref="InvalidParameterValueException">An option is out of range; the first one found is named.</exception>
    internal static void Check(PxeNetworkOptions options)
    {
        if (options.AddressCount < 1)
        {
            throw new InvalidParameterValueException("DHCP pool size", options.AddressCount.ToString(System.Globalization.CultureInfo.InvariantCulture), []);
        }

        if (!IPAddress.TryParse(options.FirstAddress, out var first) || first.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new InvalidParameterValueException("first pool address", options.FirstAddress, []);
        }

        if (options.ChecksumAlgorithm is not ("md5" or "sha256" or "sha512"))
        {
            throw new InvalidParameterValueException("image checksum algorithm", options.ChecksumAlgorithm, ["md5", "sha256", "sha512"]);
        }

        if (!(options.LinkBitsPerSecond > 0) || options.ImageSizeBytes <= 0 || options.RamdiskSizeBytes <= 0 || !(options.VerifyBytesPerSecond > 0)
            || options.LeaseTime <= TimeSpan.Zero || options.CorruptionProbability is < 0 or > 1)
        {
            throw new InvalidParameterValueException(
                "Link speed, image and ramdisk sizes, verify speed and lease time must be positive, and the corruption probability in [0, 1].");
        }
    }
}
