using IronicCore.States;

namespace IronicCore.Configuration;

/// <content>Provisioning timeouts and the periodic tasks that enforce them.</content>
public sealed partial class ConductorOptions
{
    /// <summary>
    /// <c>[conductor] check_provision_state_interval</c>: how often the deploy, clean, service and
    /// inspection timeouts and orphaned nodes are checked. Zero disables these checks.
    /// </summary>
    /// <value>Default: 60 s. Limits: at least 0 s.</value>
    [IronicOption("check_provision_state_interval")]
    [SecondsRange(0)]
    public TimeSpan CheckProvisionStateInterval { get; init; } = OptionDefaults.CheckProvisionStateInterval;

    /// <summary><c>[conductor] check_rescue_state_interval</c>: how often the rescue timeout is checked.</summary>
    /// <value>Default: 60 s. Limits: at least 1 s.</value>
    [IronicOption("check_rescue_state_interval")]
    [SecondsRange(1)]
    public TimeSpan CheckRescueStateInterval { get; init; } = OptionDefaults.CheckRescueStateInterval;

    /// <summary>
    /// <c>[conductor] deploy_callback_timeout</c>: how long a node may stay in <c>wait call-back</c>
    /// without a processed heartbeat before the deploy fails. Zero disables the timeout.
    /// </summary>
    /// <value>Default: 1800 s. Limits: at least 0 s.</value>
    [IronicOption("deploy_callback_timeout")]
    [SecondsRange(0)]
    public TimeSpan DeployCallbackTimeout { get; init; } = OptionDefaults.CallbackTimeout;

    /// <summary>
    /// <c>[conductor] clean_callback_timeout</c>: how long a node may stay in <c>clean wait</c> without a
    /// processed heartbeat before cleaning fails. Zero disables the timeout.
    /// </summary>
    /// <value>Default: 1800 s. Limits: at least 0 s.</value>
    [IronicOption("clean_callback_timeout")]
    [SecondsRange(0)]
    public TimeSpan CleanCallbackTimeout { get; init; } = OptionDefaults.CallbackTimeout;

    /// <summary>
    /// <c>[conductor] service_callback_timeout</c>: how long a node may stay in <c>service wait</c>
    /// without a processed heartbeat before servicing fails. Zero disables the timeout.
    /// </summary>
    /// <value>Default: 1800 s. Limits: at least 0 s. Since 2025.1: 21.4 has no servicing.</value>
    [IronicOption("service_callback_timeout", Since = IronicRelease.Release2025_1)]
    [SecondsRange(0)]
    public TimeSpan ServiceCallbackTimeout { get; init; } = OptionDefaults.CallbackTimeout;

    /// <summary>
    /// <c>[conductor] rescue_callback_timeout</c>: how long a node may stay in <c>rescue wait</c> without
    /// a processed heartbeat before rescue fails. Zero disables the timeout.
    /// </summary>
    /// <value>Default: 1800 s. Limits: at least 0 s.</value>
    [IronicOption("rescue_callback_timeout")]
    [SecondsRange(0)]
    public TimeSpan RescueCallbackTimeout { get; init; } = OptionDefaults.CallbackTimeout;

    /// <summary>
    /// <c>[conductor] inspect_wait_timeout</c>: how long an inspection may take in all, counted from
    /// <c>inspection_started_at</c>, before it fails. Zero means no limit.
    /// </summary>
    /// <value>Default: 1800 s. Limits: at least 0 s.</value>
    [IronicOption("inspect_wait_timeout")]
    [SecondsRange(0)]
    public TimeSpan InspectWaitTimeout { get; init; } = OptionDefaults.InspectWaitTimeout;
}
