using IronicCore.Configuration;
using IronicCore.Errors;

namespace IronicCore.Drivers.Pxe;

/// <summary>
/// A provisioning network added to a conductor: its <c>pxe</c> and <c>ipxe</c> boot interfaces
/// (sharing the DHCP leases and boot configurations) and the shared link agents download images
/// over. Hand <see cref="Boot"/> (whose <see cref="IBootInterface.Family"/> carries the other) and
/// <see cref="ImageTransfer"/> to a hardware type. It is one of the conductor's
/// <see cref="Conductor.DriverStates"/>, so the conductor's snapshots keep it (a loaded conductor's
/// network: <c>conductor.DriverStates.OfType&lt;PxeNetwork&gt;()</c>). Not thread-safe: use it from the
/// simulation's thread.
/// </summary>
public sealed partial class PxeNetwork : DriverState
{
    private readonly Conductor conductor;
    private readonly PxeBoot boot;
    private readonly SharedLink link;

    internal PxeNetwork(Conductor conductor, PxeNetworkOptions options)
        : base(PxeDriverPackage.Instance)
    {
        this.conductor = conductor;
        Options = options;
        var pxe = new PxeBoot(options, conductor, ipxe: false);
        var ipxe = new PxeBoot(options, conductor, ipxe: true, sibling: pxe);
        pxe.Family = ipxe.Family = [ipxe, pxe];
        boot = options.Ipxe ? ipxe : pxe;
        link = new SharedLink(conductor.Clock, options);
    }

    /// <summary>The network's description.</summary>
    public PxeNetworkOptions Options { get; }

    /// <summary>The boot interface a hardware type takes by default (<c>pxe</c>, or <c>ipxe</c> with <see cref="PxeNetworkOptions.Ipxe"/>); its family holds both.</summary>
    public IBootInterface Boot => boot;

    /// <summary>The agents' image downloads over the shared link.</summary>
    public IImageTransfer ImageTransfer => link;

    /// <summary>DHCP leases held now.</summary>
    public int LeasesInUse => boot.Leases.InUse;

    /// <summary>Transfers running now: image downloads and kernel/ramdisk fetches.</summary>
    public int ActiveDownloads => link.ActiveDownloads;

    /// <summary>Image downloads finished so far.</summary>
    public long CompletedDownloads => link.CompletedDownloads;

    /// <summary>Kernel and ramdisk fetches (machines booting into the agent) finished so far.</summary>
    public long CompletedRamdiskFetches => link.CompletedRamdiskFetches;

    /// <summary>The node's boot configuration while its ramdisk is prepared (lease, DHCP options, kernel and ramdisk), else null.</summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    public PxeBootConfig? GetBootConfig(string ident)
    {
        var task = conductor.GetDriverTask(ident);
        var name = conductor.GetNode(ident).BootInterface;
        return (boot.Family.FirstOrDefault(b => b.Name == name) as PxeBoot ?? boot).ConfigOf(task);
    }

    /// <summary>Fault: the node's next image download arrives corrupted, so its checksum fails.</summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    public void CorruptNextDownload(string ident) => link.CorruptNextDownload(conductor.GetNode(ident).Uuid);
}
