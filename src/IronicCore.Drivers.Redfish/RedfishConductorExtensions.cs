namespace IronicCore.Drivers.Redfish;

/// <summary>Registers the <c>redfish</c> hardware type with a conductor.</summary>
public static class RedfishConductorExtensions
{
    /// <summary>The hardware type's name.</summary>
    public const string HardwareTypeName = "redfish";

    /// <summary>
    /// Enables Ironic's <c>redfish</c> hardware type: <c>redfish</c> power and management on a
    /// simulated Redfish BMC per <c>redfish_address</c> (a system per node), the
    /// <c>redfish-virtual-media</c> boot interface (its default) and, when given a network's boot
    /// interface, that interface's family (<c>ipxe</c>, <c>pxe</c>), and the <c>direct</c> deploy
    /// interface. Nodes created afterwards may use <c>driver: redfish</c>. The type's state is
    /// registered with the conductor's <see cref="Conductor.DriverStates"/>, so its snapshots keep it.
    /// </summary>
    /// <param name="conductor">The conductor.</param>
    /// <param name="networkBoot">A PXE network's boot interface, whose family the type also offers; null for virtual media only.</param>
    /// <param name="imageTransfer">How agents download images; null: <c>write_image</c> takes its drawn duration.</param>
    /// <param name="behaviour">How the BMCs take their time; null for <see cref="RedfishBehaviour"/>'s defaults.</param>
    /// <returns>The type and its BMCs.</returns>
    public static RedfishHardware AddRedfishHardwareType(
        this Conductor conductor, IBootInterface? networkBoot = null, IImageTransfer? imageTransfer = null, RedfishBehaviour? behaviour = null)
    {
        ArgumentNullException.ThrowIfNull(conductor);
        var hardware = Register(conductor, networkBoot, imageTransfer, behaviour ?? new RedfishBehaviour());
        conductor.AddDriverState(hardware);
        return hardware;
    }

    /// <summary>Registers the type (as added, or as a snapshot restores it).</summary>
    /// <exception cref="ArgumentException">The conductor has a hardware type of this name already.</exception>
    internal static RedfishHardware Register(Conductor conductor, IBootInterface? networkBoot, IImageTransfer? imageTransfer, RedfishBehaviour behaviour)
    {
        RedfishClient? client = null;
        var type = conductor.RegisterHardwareType(HardwareTypeName, context =>
        {
            client = new RedfishClient(context, behaviour);
            var management = new RedfishManagement(client);
            return new HardwareType(HardwareTypeName, new RedfishPower(client), management, new RedfishVirtualMediaBoot(client, networkBoot))
            {
                ImageTransfer = imageTransfer,
                ImagePublisher = new RedfishImagePublisher(client),
                Vendor = new RedfishVendor(client, management),
                Bios = new RedfishBiosInterface(client, context.Clock),
                Inspect = new RedfishInspect(client),
                Firmware = context.Options.Release == States.IronicRelease.Release21_4 ? null : new RedfishFirmwareInterface(client, context.Clock),
            };
        });
        return new RedfishHardware(conductor, type, client!);
    }
}
