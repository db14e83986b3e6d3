namespace IronicCore.Drivers;

/// <summary>
/// A node's management interface (Ironic's <c>ManagementInterface</c>): the BMC's boot device,
/// and NMI, which Ironic's base class refuses unless an interface implements it.
/// Calls run on the simulation's thread; BMC time is charged with <see cref="DriverTask.Wait"/>.
/// </summary>
public interface IManagementInterface
{
    /// <summary>The interface's name, e.g. <c>fake</c> or <c>ipmitool</c>.</summary>
    string Name { get; }

    /// <summary>Checks the node's <c>driver_info</c> without contacting the BMC.</summary>
    void Validate(DriverTask task);

    /// <summary>The boot devices <see cref="SetBootDevice"/> accepts, in Ironic's order; the BMC is not contacted.</summary>
    IReadOnlyList<BootDevice> GetSupportedBootDevices(DriverTask task);

    /// <summary>The boot device the machine will boot from, as the BMC reports it.</summary>
    /// <exception cref="Errors.IronicException">The BMC did not answer: the interface's own error, e.g. ipmitool's <c>IPMIFailure</c>.</exception>
    BootDeviceSetting GetBootDevice(DriverTask task);

    /// <summary>Sets the device the machine boots from next (or always, when <paramref name="persistent"/>).</summary>
    /// <exception cref="Errors.InvalidParameterValueException">The interface cannot boot from <paramref name="device"/> (not in <see cref="GetSupportedBootDevices"/>).</exception>
    /// <exception cref="Errors.IronicException">The BMC did not answer: the interface's own error, e.g. ipmitool's <c>IPMIFailure</c>.</exception>
    void SetBootDevice(DriverTask task, BootDevice device, bool persistent);

    /// <summary>Injects a non-maskable interrupt (Ironic's <c>inject_nmi</c>). Unless implemented: Ironic's base class's refusal.</summary>
    /// <exception cref="Errors.UnsupportedDriverExtensionException">The interface cannot inject an NMI.</exception>
    /// <exception cref="Errors.IronicException">The BMC did not answer: the interface's own error, e.g. ipmitool's <c>IPMIFailure</c>.</exception>
    void InjectNmi(DriverTask task) => throw new Errors.UnsupportedDriverExtensionException(task.DriverName, "inject_nmi");

    /// <summary>Ironic's <c>get_virtual_media</c> (API 1.93): the BMC's virtual media devices. Unless implemented: Ironic's base class's refusal.</summary>
    /// <exception cref="Errors.UnsupportedDriverExtensionException">The interface has no virtual media.</exception>
    /// <exception cref="Errors.IronicException">The BMC did not answer: the interface's own error.</exception>
    IReadOnlyList<VirtualMediaSlot> GetVirtualMedia(DriverTask task) => throw new Errors.UnsupportedDriverExtensionException(task.DriverName, "get_virtual_media");

    /// <summary>Ironic's <c>attach_virtual_media</c> (API 1.89): inserts the image at <paramref name="imageUrl"/> into a device of <paramref name="deviceType"/>. Unless implemented: Ironic's base class's refusal.</summary>
    /// <param name="task">The node.</param>
    /// <param name="deviceType">Ironic's device type: <c>cdrom</c>, <c>floppy</c> or <c>disk</c>.</param>
    /// <param name="imageUrl">The URL the BMC fetches the image from.</param>
    /// <exception cref="Errors.UnsupportedDriverExtensionException">The interface has no virtual media.</exception>
    /// <exception cref="Errors.IronicException">No device takes the image, or the BMC failed: the interface's own error.</exception>
    void AttachVirtualMedia(DriverTask task, string deviceType, string imageUrl) =>
        throw new Errors.UnsupportedDriverExtensionException(task.DriverName, "attach_virtual_media");

    /// <summary>Ironic's <c>detach_virtual_media</c> (API 1.89): ejects the devices of these types, or every device when null. Unless implemented: Ironic's base class's refusal.</summary>
    /// <exception cref="Errors.UnsupportedDriverExtensionException">The interface has no virtual media.</exception>
    /// <exception cref="Errors.IronicException">The BMC did not answer: the interface's own error.</exception>
    void DetachVirtualMedia(DriverTask task, IReadOnlyList<string>? deviceTypes) =>
        throw new Errors.UnsupportedDriverExtensionException(task.DriverName, "detach_virtual_media");

    /// <summary>
    /// Ironic master's <c>get_node_health</c>, which power sync calls to cache the node's <c>health</c>.
    /// Unless implemented, the interface reads no health (Ironic's base class refuses it, and power
    /// sync skips the node silently): false, without asking the BMC.
    /// </summary>
    /// <param name="task">The node.</param>
    /// <param name="health">The health the BMC reports; null when it reports none.</param>
    /// <returns>Whether the interface reads health.</returns>
    /// <exception cref="Errors.IronicException">The BMC did not answer: the interface's own error.</exception>
    bool TryGetNodeHealth(DriverTask task, out Nodes.NodeHealth? health)
    {
        health = null;
        return false;
    }
}
