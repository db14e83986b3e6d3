namespace IronicCore.Drivers;

/// <summary>
/// A node's management interface (Ironic's <c>ManagementInterface</c>): the BMC's boot device; and
/// NMI, boot mode, secure boot, vendor, indicators and virtual media, which Ironic's base class
/// refuses unless an interface implements them.
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

    /// <summary>
    /// Ironic's <c>get_boot_mode</c>, which power sync, verification and cleaning call to cache the
    /// node's <c>boot_mode</c>. Unless implemented, the interface reads no boot mode (Ironic's base
    /// class refuses it, which every caller takes as unknown): false, without asking the BMC.
    /// </summary>
    /// <param name="task">The node.</param>
    /// <param name="mode">The firmware's boot mode, <c>uefi</c> or <c>bios</c>; null when the BMC does not say.</param>
    /// <returns>Whether the interface reads the boot mode.</returns>
    /// <exception cref="Errors.IronicException">The BMC did not answer: the interface's own error.</exception>
    bool TryGetBootMode(DriverTask task, out string? mode)
    {
        mode = null;
        return false;
    }

    /// <summary>Ironic's <c>set_boot_mode</c>: the boot mode from the next boot on. Unless implemented: Ironic's base class's refusal.</summary>
    /// <param name="task">The node, under its exclusive lock.</param>
    /// <param name="mode"><c>uefi</c> or <c>bios</c> (the conductor refuses any other).</param>
    /// <exception cref="Errors.UnsupportedDriverExtensionException">The interface cannot set the boot mode.</exception>
    /// <exception cref="Errors.IronicException">The BMC did not answer or refused: the interface's own error.</exception>
    void SetBootMode(DriverTask task, string mode) => throw new Errors.UnsupportedDriverExtensionException(task.DriverName, "set_boot_mode");

    /// <summary>Ironic's <c>get_secure_boot_state</c>, cached as <see cref="TryGetBootMode"/> is. Unless implemented: false, without asking the BMC.</summary>
    /// <param name="task">The node.</param>
    /// <param name="enabled">Whether UEFI secure boot is on; null when the BMC does not say.</param>
    /// <returns>Whether the interface (and its hardware) has secure boot.</returns>
    /// <exception cref="Errors.IronicException">The BMC did not answer: the interface's own error.</exception>
    bool TryGetSecureBootState(DriverTask task, out bool? enabled)
    {
        enabled = null;
        return false;
    }

    /// <summary>Ironic's <c>set_secure_boot_state</c>: turns UEFI secure boot on or off. Unless implemented: Ironic's base class's refusal.</summary>
    /// <exception cref="Errors.UnsupportedDriverExtensionException">The interface or its hardware has no secure boot.</exception>
    /// <exception cref="Errors.IronicException">The change is impossible (e.g. legacy BIOS boot) or the BMC failed: the interface's own error.</exception>
    void SetSecureBootState(DriverTask task, bool state) => throw new Errors.UnsupportedDriverExtensionException(task.DriverName, "set_secure_boot_state");

    /// <summary>Ironic's <c>detect_vendor</c>, which caches <c>properties.vendor</c>. Unless implemented: false, without asking the BMC (Ironic's base class refuses it, and its caller goes on).</summary>
    /// <param name="task">The node.</param>
    /// <param name="vendor">The hardware's vendor as the BMC reports it; null when it reports none.</param>
    /// <returns>Whether the interface detects vendors.</returns>
    /// <exception cref="Errors.IronicException">The BMC did not answer: the interface's own error.</exception>
    bool TryDetectVendor(DriverTask task, out string? vendor)
    {
        vendor = null;
        return false;
    }

    /// <summary>Ironic's <c>get_supported_indicators</c>: the indicators of one component (null: of every component), by component then id in Ironic's order. Unless implemented: Ironic's base class's refusal.</summary>
    /// <exception cref="Errors.UnsupportedDriverExtensionException">The interface has no indicators.</exception>
    /// <exception cref="Errors.IronicException">The BMC did not answer: the interface's own error.</exception>
    IReadOnlyList<SupportedIndicator> GetSupportedIndicators(DriverTask task, string? component) =>
        throw new Errors.UnsupportedDriverExtensionException(task.DriverName, "get_supported_indicators");

    /// <summary>Ironic's <c>get_indicator_state</c>: the state (<c>on</c>, <c>off</c>, <c>blinking</c> or <c>unknown</c>) of one indicator of a component. Unless implemented: Ironic's base class's refusal.</summary>
    /// <exception cref="Errors.UnsupportedDriverExtensionException">The interface has no indicators.</exception>
    /// <exception cref="Errors.IronicException">No such indicator, or the BMC did not answer: the interface's own error.</exception>
    string GetIndicatorState(DriverTask task, string component, string indicator) =>
        throw new Errors.UnsupportedDriverExtensionException(task.DriverName, "get_indicator_state");

    /// <summary>Ironic's <c>set_indicator_state</c>: sets one indicator of a component. Unless implemented: Ironic's base class's refusal.</summary>
    /// <exception cref="Errors.UnsupportedDriverExtensionException">The interface cannot set indicators.</exception>
    /// <exception cref="Errors.IronicException">No such indicator or state, or the BMC failed: the interface's own error.</exception>
    void SetIndicatorState(DriverTask task, string component, string indicator, string state) =>
        throw new Errors.UnsupportedDriverExtensionException(task.DriverName, "set_indicator_state");

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
