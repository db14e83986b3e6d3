using System.ComponentModel.DataAnnotations;
using IronicCore.Configuration;
using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>[redfish]</c> options for the redfish interfaces, a driver section of
/// <see cref="ConductorOptions.DriverSections"/>: <c>new ConductorOptions { DriverSections =
/// [new RedfishOptions { ConnectionAttempts = 1 }] }</c>. Without it the redfish hardware type runs on
/// the release's defaults. Immutable once built; <see cref="ConductorOptions.Validate"/> checks them.
/// </summary>
[NotSimulatedOption("connection_cache_size", "it bounds Ironic's cache of sushy sessions; the simulated BMCs answer every session alike, so how many Ironic keeps changes nothing.")]
[NotSimulatedOption("swift_container", "it names the Swift container for virtual media images, and Swift is not simulated.", AnswersAsSet = true)]
[NotSimulatedOption("swift_object_expiry_timeout", "it is how long a virtual media image stays in Swift, and Swift is not simulated.", AnswersAsSet = true)]
[NotSimulatedOption("kernel_append_params", "it is the kernel command line written into a virtual media ISO, and no ISO is built.", AnswersAsSet = true)]
[NotSimulatedOption("file_permission", "it is the mode of the virtual media images Ironic writes, and no file is written.", AnswersAsSet = true)]
[NotSimulatedOption("firmware_source", "it says whence the BMC fetches firmware images, and firmware updates do not fetch here.")]
[NotSimulatedOption("raid_config_status_interval", "it paces the RAID configuration poll, and RAID is not simulated.")]
[NotSimulatedOption("raid_config_fail_interval", "it paces the RAID failure poll, and RAID is not simulated.")]
[NotSimulatedOption("connect_timeout", "it is sushy's TCP connect timeout; an unreachable simulated BMC refuses at once.", Since = IronicRelease.Master)]
[NotSimulatedOption("read_timeout", "it is sushy's read timeout; a simulated BMC answers at once.", Since = IronicRelease.Master)]
[NotSimulatedOption("verify_ca", "it is the CA bundle for the BMC's TLS certificate, and the simulated BMCs speak no TLS.", Since = IronicRelease.Master, AnswersAsSet = true)]
[NotSimulatedOption("enable_verify_bmc_clock", "it makes Ironic check the BMC's clock before firmware updates, and the simulated BMC keeps the virtual clock.", Since = IronicRelease.Master)]
[NotSimulatedOption("post_boot_retry_attempts", "it retries reading a system that is not ready after a boot, and the simulated system always is.", Since = IronicRelease.Master)]
[NotSimulatedOption("post_boot_retry_delay", "it spaces those retries, which never happen here.", Since = IronicRelease.Master)]
[NotSimulatedOption("firmware_update_wait_unresponsive_bmc", "it is the wait after an update of a component other than bios, bmc and nic, which the firmware step's schema refuses.", Since = IronicRelease.Master)]
[NotSimulatedOption("firmware_update_nic_starting_wait", "it paces NIC firmware updates, and NIC firmware is not simulated.", Since = IronicRelease.Master)]
[NotSimulatedOption("firmware_update_bmc_timeout", "master's redfish firmware interface does not read it.", Since = IronicRelease.Master)]
[NotSimulatedOption("boot_mode_config_timeout", "it bounds Ironic's wait for a boot mode or secure boot change that the BMC applies only after a reboot, and the simulated BMC applies one at once.", Since = IronicRelease.Release2025_1, AnswersAsSet = true)]
[NotSimulatedOption("power_on_conflict_retry_attempts", "it retries a power-on the BMC answers with HTTP 409 ActionParameterValueConflict, which the simulated BMC never does.", Since = IronicRelease.Master, AnswersAsSet = true)]
[NotSimulatedOption("power_on_conflict_retry_interval", "it spaces those retries, which never happen here.", Since = IronicRelease.Master, AnswersAsSet = true)]
[IronicSection("redfish")]
public sealed class RedfishOptions : OptionSection
{
    /// <summary>Creates master's defaults.</summary>
    public RedfishOptions()
        : this(IronicRelease.Master)
    {
    }

    /// <summary>Creates the defaults of <paramref name="release"/>.</summary>
    /// <param name="release">The Ironic release whose defaults apply.</param>
    public RedfishOptions(IronicRelease release)
    {
        UseSwift = release == IronicRelease.Release21_4 ? RedfishOptionDefaults.UseSwift21_4 : RedfishOptionDefaults.UseSwift;
    }

    /// <summary>
    /// <c>[redfish] connection_attempts</c>: how many times Ironic tries to reach the BMC before it
    /// gives up with <c>RedfishConnectionError</c>.
    /// </summary>
    /// <value>Default: 5. Limits: at least 1.</value>
    [IronicOption("connection_attempts")]
    [Range(1, int.MaxValue)]
    public int ConnectionAttempts { get; init; } = RedfishOptionDefaults.ConnectionAttempts;

    /// <summary><c>[redfish] connection_retry_interval</c>: the wait between two of those attempts.</summary>
    /// <value>Default: 4 s. Limits: at least 1 s.</value>
    [IronicOption("connection_retry_interval")]
    [SecondsRange(1)]
    public TimeSpan ConnectionRetryInterval { get; init; } = RedfishOptionDefaults.ConnectionRetryInterval;

    /// <summary>
    /// <c>[redfish] auth_type</c>: how Ironic authenticates to the BMC; a node's
    /// <c>driver_info/redfish_auth_type</c> wins. Every kind fails alike when the BMC rejects the credentials.
    /// </summary>
    /// <value>Default: <see cref="RedfishAuthType.Auto"/>. Limits: one of the choices.</value>
    [IronicOption("auth_type")]
    public RedfishAuthType AuthType { get; init; } = RedfishAuthType.Auto;

    /// <summary>
    /// <c>[redfish] use_swift</c>: whether virtual media images are published through Swift instead
    /// of the conductor's HTTP server (<c>[deploy] http_url</c>). Swift is not simulated: with it
    /// set, preparing virtual media fails with an error saying so.
    /// </summary>
    /// <value>Default: <c>false</c> (21.4: <c>true</c>). Limits: none.</value>
    [IronicOption("use_swift")]
    public bool UseSwift { get; init; }

    /// <summary><c>[redfish] firmware_update_status_interval</c>: how often the conductor polls the BMC for firmware update (and, in master, BIOS settings) tasks.</summary>
    /// <value>Default: 60 s. Limits: at least 0.</value>
    [IronicOption("firmware_update_status_interval")]
    [SecondsRange(0)]
    public TimeSpan FirmwareUpdateStatusInterval { get; init; } = RedfishOptionDefaults.FirmwareUpdateStatusInterval;

    /// <summary><c>[redfish] firmware_update_fail_interval</c>: how often the conductor looks for failed firmware updates.</summary>
    /// <value>Default: 60 s. Limits: at least 0.</value>
    [IronicOption("firmware_update_fail_interval")]
    [SecondsRange(0)]
    public TimeSpan FirmwareUpdateFailInterval { get; init; } = RedfishOptionDefaults.FirmwareUpdateFailInterval;

    /// <summary><c>[redfish] firmware_update_reboot_delay</c>: how long master waits for a BMC firmware update to change the BMC's version before it reboots the machine (also the reboot's power timeout).</summary>
    /// <value>Default: 300 s. Limits: at least 0.</value>
    [IronicOption("firmware_update_reboot_delay", Since = IronicRelease.Master)]
    [SecondsRange(0)]
    public TimeSpan FirmwareUpdateRebootDelay { get; init; } = RedfishOptionDefaults.FirmwareUpdateRebootDelay;

    /// <summary><c>[redfish] firmware_update_bmc_version_check_interval</c>: how often master reads the BMC's version once that wait is over.</summary>
    /// <value>Default: 30 s. Limits: at least 0.</value>
    [IronicOption("firmware_update_bmc_version_check_interval", Since = IronicRelease.Master)]
    [SecondsRange(0)]
    public TimeSpan FirmwareUpdateBmcVersionCheckInterval { get; init; } = RedfishOptionDefaults.FirmwareUpdateBmcVersionCheckInterval;

    /// <summary><c>[redfish] firmware_update_overall_timeout</c>: how long master lets a firmware update step run before it fails it (0: never).</summary>
    /// <value>Default: 7200 s. Limits: at least 0.</value>
    [IronicOption("firmware_update_overall_timeout", Since = IronicRelease.Master)]
    [SecondsRange(0)]
    public TimeSpan FirmwareUpdateOverallTimeout { get; init; } = RedfishOptionDefaults.FirmwareUpdateOverallTimeout;

    /// <summary>
    /// <c>[redfish] firmware_update_required_successes</c>: how many reads in a row of the system, its
    /// manager and chassis master needs before it takes the BMC as stable after an update (0: no check).
    /// </summary>
    /// <value>Default: 3. Limits: at least 0.</value>
    [IronicOption("firmware_update_required_successes", Since = IronicRelease.Master)]
    [Range(0, int.MaxValue)]
    public int FirmwareUpdateRequiredSuccesses { get; init; } = RedfishOptionDefaults.FirmwareUpdateRequiredSuccesses;

    /// <summary><c>[redfish] firmware_update_validation_interval</c>: the wait between those reads.</summary>
    /// <value>Default: 30 s. Limits: at least 0.</value>
    [IronicOption("firmware_update_validation_interval", Since = IronicRelease.Master)]
    [SecondsRange(0)]
    public TimeSpan FirmwareUpdateValidationInterval { get; init; } = RedfishOptionDefaults.FirmwareUpdateValidationInterval;

    /// <summary><c>[redfish] firmware_update_resource_validation_timeout</c>: how long master tries those reads before the check fails (0: no check).</summary>
    /// <value>Default: 480 s. Limits: at least 0.</value>
    [IronicOption("firmware_update_resource_validation_timeout", Since = IronicRelease.Master)]
    [SecondsRange(0)]
    public TimeSpan FirmwareUpdateResourceValidationTimeout { get; init; } = RedfishOptionDefaults.FirmwareUpdateResourceValidationTimeout;
}
