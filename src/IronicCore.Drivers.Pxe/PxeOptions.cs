using IronicCore.Configuration;

namespace IronicCore.Drivers.Pxe;

/// <summary>
/// Ironic's <c>[pxe]</c> options for PXE boot retries, a driver section of
/// <see cref="ConductorOptions.DriverSections"/>. Immutable once built;
/// <see cref="ConductorOptions.Validate"/> checks them.
/// </summary>
[IronicSection("pxe")]
public sealed class PxeOptions : OptionSection
{
    /// <summary>
    /// <c>[pxe] boot_retry_timeout</c>: how long a node may sit in a wait state with no agent token,
    /// heartbeat or power change before it is power-cycled into PXE again. Unset disables retries.
    /// Ironic advises keeping it below <c>[conductor] deploy_callback_timeout</c> but does not check it.
    /// </summary>
    /// <value>Default: unset. Limits: at least 60 s.</value>
    [IronicOption("boot_retry_timeout")]
    [SecondsRange(60)]
    public TimeSpan? BootRetryTimeout { get; init; }

    /// <summary>
    /// <c>[pxe] boot_retry_check_interval</c>: how often <see cref="BootRetryTimeout"/> is checked.
    /// </summary>
    /// <value>Default: 90 s. Limits: at least 1 s.</value>
    [IronicOption("boot_retry_check_interval")]
    [SecondsRange(1)]
    public TimeSpan BootRetryCheckInterval { get; init; } = PxeOptionDefaults.BootRetryCheckInterval;
}
