namespace IronicCore.Drivers;

/// <summary>
/// What a management interface reports of the boot device (Ironic's <c>get_boot_device</c>):
/// the device and whether it holds for every boot; either is null when the BMC does not say.
/// </summary>
/// <param name="Device">The boot device, or null when unknown.</param>
/// <param name="Persistent">Whether it holds for every boot rather than the next one, or null when unknown.</param>
public readonly record struct BootDeviceSetting(BootDevice? Device, bool? Persistent);
