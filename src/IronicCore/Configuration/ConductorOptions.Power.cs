using IronicCore.States;

namespace IronicCore.Configuration;

/// <content>Power actions, power sync and power-failure recovery.</content>
public sealed partial class ConductorOptions
{
    /// <summary>
    /// <c>[conductor] power_state_change_timeout</c>: how long a power action polls for the target
    /// state before it fails with <c>PowerStateFailure</c>.
    /// </summary>
    /// <value>Default: 60 s. Limits: at least 2 s.</value>
    [IronicOption("power_state_change_timeout")]
    [SecondsRange(2)]
    public TimeSpan PowerStateChangeTimeout { get; init; } = OptionDefaults.PowerStateChangeTimeout;

    /// <summary>
    /// <c>[conductor] soft_power_off_timeout</c>: the timeout of <c>soft power off</c> and
    /// <c>soft rebooting</c> when the request gives none.
    /// </summary>
    /// <value>Default: 600 s. Limits: at least 1 s.</value>
    [IronicOption("soft_power_off_timeout")]
    [SecondsRange(1)]
    public TimeSpan SoftPowerOffTimeout { get; init; } = OptionDefaults.SoftPowerOffTimeout;

    /// <summary>
    /// <c>[conductor] sync_power_state_interval</c>: how often the conductor compares the power state it
    /// recorded with the one the BMC reports. Zero or less disables power sync.
    /// </summary>
    /// <value>Default: 120 s (2025.1 and 21.4: 60 s). Limits: none.</value>
    [IronicOption("sync_power_state_interval")]
    public TimeSpan SyncPowerStateInterval { get; init; }

    /// <summary>
    /// <c>[conductor] power_state_sync_max_retries</c>: how many consecutive failed or mismatching
    /// power syncs a node survives; the next one sets <c>power_state</c> null and puts the node in
    /// maintenance with <c>fault = power failure</c>.
    /// </summary>
    /// <value>Default: 3. Limits: none.</value>
    [IronicOption("power_state_sync_max_retries")]
    public int PowerStateSyncMaxRetries { get; init; } = OptionDefaults.PowerStateSyncMaxRetries;

    /// <summary>
    /// <c>[conductor] force_power_state_during_sync</c>: on a mismatch, whether power sync drives the
    /// hardware to the recorded state (<c>true</c>) or records the hardware's state (<c>false</c>).
    /// </summary>
    /// <value>Default: <c>true</c>. Limits: none.</value>
    [IronicOption("force_power_state_during_sync")]
    public bool ForcePowerStateDuringSync { get; init; } = OptionDefaults.ForcePowerStateDuringSync;

    /// <summary>
    /// <c>[conductor] power_failure_recovery_interval</c>: how often nodes in maintenance with
    /// <c>fault = power failure</c> are read again, and taken out of maintenance when that succeeds.
    /// Zero disables recovery.
    /// </summary>
    /// <value>Default: 300 s. Limits: at least 0 s.</value>
    [IronicOption("power_failure_recovery_interval")]
    [SecondsRange(0)]
    public TimeSpan PowerFailureRecoveryInterval { get; init; } = OptionDefaults.PowerFailureRecoveryInterval;

    /// <summary>
    /// <c>[conductor] enable_health_monitoring</c>: whether power sync, after reading a node's power
    /// state, reads its health from the management interface (only <c>redfish</c> reports one) and
    /// caches it as the node's <c>health</c>, recording each change in the node's history.
    /// </summary>
    /// <value>Default: <c>true</c>. Limits: none. Master only: 2025.1 and 21.4 have no node health.</value>
    [IronicOption("enable_health_monitoring", Since = IronicRelease.Master)]
    public bool EnableHealthMonitoring { get; init; } = true;
}
