using MessagePack;

namespace IronicCore.Drivers.Pxe;

/// <summary>
/// This package as the core knows it: its sections of Ironic's options (<c>[pxe]</c>,
/// <c>[dhcp]</c>) and how a conductor's snapshot restores its provisioning networks (their
/// options, DHCP leases, boot configurations and the link's transfers in flight). Give it to
/// <see cref="Conductor.Load"/>: <c>Conductor.Load(stream, drivers: [PxeDriverPackage.Instance, IpmiDriverPackage.Instance])</c>.
/// </summary>
public sealed class PxeDriverPackage : DriverPackage
{
    private PxeDriverPackage()
        : base("IronicCore.Drivers.Pxe", [new PxeOptions(), new DhcpOptions()])
    {
    }

    /// <summary>The package.</summary>
    public static PxeDriverPackage Instance { get; } = new();

    /// <inheritdoc/>
    protected override DriverState Read(ref MessagePackReader reader, DriverStateReader context) => PxeNetwork.Read(ref reader, context);
}
