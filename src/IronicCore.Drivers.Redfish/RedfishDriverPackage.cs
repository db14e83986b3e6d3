using MessagePack;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// This package as the core knows it: its section of Ironic's options (<c>[redfish]</c>) and how a
/// conductor's snapshot restores its <c>redfish</c> hardware type (the BMCs, their systems and
/// faults), registering the type again. Give it to <see cref="Conductor.Load"/> after the package
/// whose boot interfaces the type also offers:
/// <c>Conductor.Load(stream, drivers: [PxeDriverPackage.Instance, RedfishDriverPackage.Instance])</c>.
/// </summary>
public sealed class RedfishDriverPackage : DriverPackage
{
    private RedfishDriverPackage()
        : base("IronicCore.Drivers.Redfish", [new RedfishOptions()])
    {
    }

    /// <summary>The package.</summary>
    public static RedfishDriverPackage Instance { get; } = new();

    /// <inheritdoc/>
    protected override DriverState Read(ref MessagePackReader reader, DriverStateReader context) => RedfishHardware.Read(ref reader, context);
}
