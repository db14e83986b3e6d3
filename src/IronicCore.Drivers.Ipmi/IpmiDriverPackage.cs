using MessagePack;

namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// This package as the core knows it: its section of Ironic's options (<c>[ipmi]</c>) and how a
/// conductor's snapshot restores its <c>ipmi</c> hardware type (the BMCs' behaviour, state and
/// faults, ipmitool's command spacing, the type's random stream), registering the type again. Give
/// it to <see cref="Conductor.Load"/> with the package whose boot interface the type uses:
/// <c>Conductor.Load(stream, drivers: [PxeDriverPackage.Instance, IpmiDriverPackage.Instance])</c>.
/// </summary>
public sealed class IpmiDriverPackage : DriverPackage
{
    private IpmiDriverPackage()
        : base("IronicCore.Drivers.Ipmi", [new IpmiOptions()])
    {
    }

    /// <summary>The package.</summary>
    public static IpmiDriverPackage Instance { get; } = new();

    /// <inheritdoc/>
    protected override DriverState Read(ref MessagePackReader reader, DriverStateReader context) => IpmiHardware.Read(ref reader, context);
}
