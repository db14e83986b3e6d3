using IronicCore.Configuration;

namespace IronicCore.Drivers.Pxe;

/// <summary>
/// Ironic's <c>[pxe]</c> section, a driver section of <see cref="ConductorOptions.DriverSections"/>.
/// It holds no option IronicCore simulates: carried, it makes <see cref="ConductorOptions.FromNames"/>
/// refuse Ironic's PXE boot retries by name as not simulated rather than as unknown.
/// </summary>
[NotSimulatedOption("boot_retry_timeout", "Ironic's PXE boot interface power-cycles a node that waits for its ramdisk longer than this (a periodic task of the boot interface, pxe_base._check_boot_timeouts), and IronicCore runs no periodic task of a boot interface.")]
[NotSimulatedOption("boot_retry_check_interval", "it paces Ironic's PXE boot retries (pxe_base._check_boot_timeouts), which IronicCore does not run.")]
[IronicSection("pxe")]
public sealed class PxeOptions : OptionSection;
