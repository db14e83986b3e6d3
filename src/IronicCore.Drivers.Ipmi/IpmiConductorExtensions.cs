namespace IronicCore.Drivers.Ipmi;

/// <summary>Registers the <c>ipmi</c> hardware type with a conductor.</summary>
public static class IpmiConductorExtensions
{
    /// <summary>The hardware type's name.</summary>
    public const string HardwareTypeName = "ipmi";

    /// <summary>
    /// Enables Ironic's <c>ipmi</c> hardware type: <c>ipmitool</c> power and management on a
    /// simulated BMC per node, the given boot interface (Ironic's default for ipmi is <c>pxe</c>),
    /// the <c>direct</c> deploy interface, and the <c>ipmitool</c> vendor interface (<c>send_raw</c>,
    /// <c>bmc_reset</c>). Nodes created afterwards may use <c>driver: ipmi</c>.
    /// The type's state is registered with the conductor's <see cref="Conductor.DriverStates"/>, so
    /// its snapshots keep it when the boot interface and image transfer are a driver state's parts
    /// (a <c>PxeNetwork</c>'s) or absent.
    /// </summary>
    /// <param name="conductor">The conductor.</param>
    /// <param name="boot">The boot interface, e.g. a PXE network's.</param>
    /// <param name="imageTransfer">How agents download images; null: <c>write_image</c> takes its drawn duration.</param>
    /// <param name="behaviour">How the BMCs take their time; null for <see cref="BmcBehaviour"/>'s defaults.</param>
    /// <returns>The type and its BMCs.</returns>
    public static IpmiHardware AddIpmiHardwareType(
        this Conductor conductor, IBootInterface boot, IImageTransfer? imageTransfer = null, BmcBehaviour? behaviour = null)
    {
        ArgumentNullException.ThrowIfNull(conductor);
        ArgumentNullException.ThrowIfNull(boot);
        var hardware = Register(conductor, boot, imageTransfer, behaviour ?? new BmcBehaviour());
        conductor.AddDriverState(hardware);
        return hardware;
    }

    /// <summary>Registers the type (as added, or as a snapshot restores it).</summary>
    /// <exception cref="ArgumentException">The conductor has a hardware type of this name already.</exception>
    internal static IpmiHardware Register(Conductor conductor, IBootInterface boot, IImageTransfer? imageTransfer, BmcBehaviour behaviour)
    {
        Ipmitool? ipmitool = null;
        var type = conductor.RegisterHardwareType(HardwareTypeName, context =>
        {
            ipmitool = new Ipmitool(context, behaviour);
            return new HardwareType(HardwareTypeName, new IpmitoolPower(ipmitool), new IpmitoolManagement(ipmitool), boot)
            {
                ImageTransfer = imageTransfer,
                Vendor = new IpmitoolVendor(ipmitool),
            };
        });
        return new IpmiHardware(type, ipmitool!);
    }
}
