using System.Collections.Immutable;
using IronicCore.Configuration;

namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// Ironic's <c>[ipmi]</c> options for the <c>ipmitool</c> power and management interfaces, a driver
/// section of <see cref="ConductorOptions.DriverSections"/>: <c>new ConductorOptions { DriverSections =
/// [new IpmiOptions { MinCommandInterval = TimeSpan.Zero }] }</c>. Without it the ipmi hardware type runs
/// on these defaults. Immutable once built; <see cref="ConductorOptions.Validate"/> checks them.
/// </summary>
[NotSimulatedOption("kill_on_timeout", "it decides whether Ironic kills an ipmitool power status query still running at its timeout, and the simulated ipmitool answers or fails within it.")]
[IronicSection("ipmi")]
public sealed class IpmiOptions : OptionSection
{
    /// <summary>
    /// <c>[ipmi] command_retry_timeout</c>: how long a retryable IPMI command is retried (at most 12
    /// attempts) before it fails with <c>IPMIFailure</c>.
    /// </summary>
    /// <value>Default: 60 s. Limits: none.</value>
    [IronicOption("command_retry_timeout")]
    public TimeSpan CommandRetryTimeout { get; init; } = IpmiOptionDefaults.CommandRetryTimeout;

    /// <summary>
    /// <c>[ipmi] min_command_interval</c>: the least time between two commands sent to one BMC address.
    /// </summary>
    /// <value>Default: 5 s. Limits: none.</value>
    [IronicOption("min_command_interval")]
    public TimeSpan MinCommandInterval { get; init; } = IpmiOptionDefaults.MinCommandInterval;

    /// <summary>
    /// <c>[ipmi] use_ipmitool_retries</c>: whether <c>ipmitool</c> retries by itself, leaving Ironic to
    /// retry only transient errors; when false Ironic retries every error.
    /// </summary>
    /// <value>Default: <c>false</c>. Limits: none.</value>
    [IronicOption("use_ipmitool_retries")]
    public bool UseIpmitoolRetries { get; init; } = IpmiOptionDefaults.UseIpmitoolRetries;

    /// <summary>
    /// <c>[ipmi] disable_boot_timeout</c>: whether setting a boot device also turns off the BMC's
    /// 60-second boot flag timeout; a node's <c>driver_info.ipmi_disable_boot_timeout</c> wins.
    /// </summary>
    /// <value>Default: <c>true</c>. Limits: none.</value>
    [IronicOption("disable_boot_timeout")]
    public bool DisableBootTimeout { get; init; } = IpmiOptionDefaults.DisableBootTimeout;

    /// <summary>
    /// <c>[ipmi] additional_retryable_ipmi_errors</c>: more <c>ipmitool</c> error texts to treat as
    /// transient when <see cref="UseIpmitoolRetries"/> is set.
    /// </summary>
    /// <value>Default: empty. Limits: none.</value>
    [IronicOption("additional_retryable_ipmi_errors", Multiple = true)]
    public ImmutableArray<string> AdditionalRetryableIpmiErrors { get; init; } = IpmiOptionDefaults.AdditionalRetryableIpmiErrors;
}
