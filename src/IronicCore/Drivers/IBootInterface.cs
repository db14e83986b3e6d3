using System.Collections.Immutable;

namespace IronicCore.Drivers;

/// <summary>
/// A node's boot interface (Ironic's <c>BootInterface</c>): what the machine boots into. The
/// ramdisk (the agent) is prepared before cleaning, deployment or rescue boot it and cleaned up
/// after; the instance's boot is prepared at the end of a deployment and cleaned up at tear-down.
/// </summary>
public interface IBootInterface
{
    /// <summary>The interface's name, e.g. <c>fake</c> or <c>pxe</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The boot interfaces built on this one's machinery (this one among them) that a hardware type
    /// given this one supports too, in the order Ironic's hardware types list them (e.g. a PXE
    /// network's <c>ipxe</c> then <c>pxe</c>, as <c>GenericHardware.supported_boot_interfaces</c>).
    /// Default: this one alone.
    /// </summary>
    ImmutableArray<IBootInterface> Family => [this];

    /// <summary>
    /// The device the conductor sets, for the next boot only, once <see cref="PrepareRamdisk"/> has
    /// run (Ironic's PXE boot sets the network); null for an interface that sets its own device in
    /// <see cref="PrepareRamdisk"/>, as virtual media does its CD. Default: <see cref="BootDevice.Pxe"/>.
    /// </summary>
    BootDevice? RamdiskBootDevice => BootDevice.Pxe;

    /// <summary>Whether the interface can boot the rescue ramdisk (the <c>agent</c> rescue interface needs it).</summary>
    bool SupportsRescue { get; }

    /// <summary>Checks the node's <c>driver_info</c>.</summary>
    void Validate(DriverTask task);

    /// <summary>Ironic's <c>prepare_ramdisk</c>: DHCP options, boot configuration and images for the agent.</summary>
    /// <exception cref="Errors.IronicException">The ramdisk boot cannot be prepared (e.g. no free address); the operation fails with this error.</exception>
    void PrepareRamdisk(DriverTask task);

    /// <summary>Ironic's <c>clean_up_ramdisk</c>: undoes <see cref="PrepareRamdisk"/>; does nothing when nothing was prepared.</summary>
    void CleanUpRamdisk(DriverTask task);

    /// <summary>Ironic's <c>prepare_instance</c>: the machine will boot the deployed instance.</summary>
    void PrepareInstance(DriverTask task);

    /// <summary>Ironic's <c>clean_up_instance</c>: undoes <see cref="PrepareInstance"/> at tear-down.</summary>
    void CleanUpInstance(DriverTask task);
}
