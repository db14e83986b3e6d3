using System.Collections.Immutable;
using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// Ironic's <c>[api]</c> options: the ramdisk endpoints and the steps users may not request.
/// Immutable once built; <see cref="ConductorOptions.Validate"/> checks them.
/// </summary>
[IronicSection("api")]
public sealed class ApiOptions
{
    /// <summary>Creates master's defaults.</summary>
    public ApiOptions()
        : this(IronicRelease.Master)
    {
    }

    /// <summary>Creates the defaults of <paramref name="release"/>.</summary>
    /// <param name="release">The Ironic release whose defaults apply.</param>
    public ApiOptions(IronicRelease release)
    {
        var disallowed = OptionDefaults.For(release, OptionDefaults.DisallowedSteps21_4, OptionDefaults.DisallowedSteps, OptionDefaults.DisallowedSteps);
        DisallowCleanSteps = disallowed;
        DisallowDeploySteps = disallowed;
        DisallowServiceSteps = disallowed;
    }

    /// <summary>
    /// <c>[api] ramdisk_heartbeat_timeout</c>: sent to the agent at lookup; the agent heartbeats every
    /// 0.3 to 0.6 times this, and never more often than every 5 s.
    /// </summary>
    /// <value>Default: 300 s. Limits: none.</value>
    [IronicOption("ramdisk_heartbeat_timeout")]
    public TimeSpan RamdiskHeartbeatTimeout { get; init; } = OptionDefaults.RamdiskHeartbeatTimeout;

    /// <summary>
    /// <c>[api] restrict_lookup</c>: whether agent lookup finds only nodes in the states where an agent
    /// is expected; others answer 404.
    /// </summary>
    /// <value>Default: <c>true</c>. Limits: none.</value>
    [IronicOption("restrict_lookup")]
    public bool RestrictLookup { get; init; } = OptionDefaults.RestrictLookup;

    /// <summary>
    /// <c>[api] enable_ramdisk_endpoints</c>: whether the API serves lookup, heartbeat and
    /// <c>continue_inspection</c>; when false they answer 403.
    /// </summary>
    /// <value>Default: <c>true</c>. Limits: none.</value>
    [IronicOption("enable_ramdisk_endpoints")]
    public bool EnableRamdiskEndpoints { get; init; } = OptionDefaults.EnableRamdiskEndpoints;

    /// <summary>
    /// <c>[api] disallow_clean_steps</c>: <c>"interface.step"</c> names a manual clean request may not
    /// contain (<c>StepNotAllowed</c>, 400).
    /// </summary>
    /// <value>
    /// Default: <c>["vendor.send_raw"]</c> (21.4: empty). Limits: none. Since 2025.1: 21.4 allows
    /// every step.
    /// </value>
    [IronicOption("disallow_clean_steps", Since = IronicRelease.Release2025_1)]
    public ImmutableArray<string> DisallowCleanSteps { get; init; }

    /// <summary>
    /// <c>[api] disallow_deploy_steps</c>: <c>"interface.step"</c> names a deploy request may not
    /// contain (<c>StepNotAllowed</c>, 400).
    /// </summary>
    /// <value>
    /// Default: <c>["vendor.send_raw"]</c> (21.4: empty). Limits: none. Since 2025.1: 21.4 allows
    /// every step.
    /// </value>
    [IronicOption("disallow_deploy_steps", Since = IronicRelease.Release2025_1)]
    public ImmutableArray<string> DisallowDeploySteps { get; init; }

    /// <summary>
    /// <c>[api] disallow_service_steps</c>: <c>"interface.step"</c> names a service request may not
    /// contain (<c>StepNotAllowed</c>, 400).
    /// </summary>
    /// <value>
    /// Default: <c>["vendor.send_raw"]</c> (21.4: empty). Limits: none. Since 2025.1: 21.4 has no
    /// servicing.
    /// </value>
    [IronicOption("disallow_service_steps", Since = IronicRelease.Release2025_1)]
    public ImmutableArray<string> DisallowServiceSteps { get; init; }
}
