using System.ComponentModel.DataAnnotations;
using IronicCore.States;

namespace IronicCore.Configuration;

/// <content>Worker pools, node locks and concurrent action limits.</content>
public sealed partial class ConductorOptions
{
    /// <summary>
    /// <c>[conductor] workers_pool_size</c>: how many workers the conductor runs. A request that needs a
    /// worker when none is free gets <c>NoFreeConductorWorker</c> (503). Master refuses to start unless
    /// the part outside the reserve exceeds <see cref="SyncPowerStateWorkers"/> + 2 ×
    /// <see cref="PeriodicMaxWorkers"/> + 2.
    /// </summary>
    /// <value>Default: 300 (21.4: 100). Limits: at least 3.</value>
    [IronicOption("workers_pool_size")]
    [Range(3, int.MaxValue)]
    public int WorkersPoolSize { get; init; }

    /// <summary>
    /// <c>[conductor] reserved_workers_pool_percentage</c>: the share of <see cref="WorkersPoolSize"/>
    /// kept for API requests; periodic tasks and agent heartbeats cannot use it. Rounded down.
    /// </summary>
    /// <value>
    /// Default: 5 (21.4: 0). Limits: 0 to 50. Since 2025.1: 21.4 has one pool for everything, which
    /// is what 0 means.
    /// </value>
    [IronicOption("reserved_workers_pool_percentage", Since = IronicRelease.Release2025_1)]
    [Range(0, 50)]
    public int ReservedWorkersPoolPercentage { get; init; }

    /// <summary>
    /// <c>[conductor] sync_power_state_workers</c>: how many nodes one power sync reads in parallel, at
    /// most <see cref="PeriodicMaxWorkers"/>.
    /// </summary>
    /// <value>Default: 8. Limits: at least 1.</value>
    [IronicOption("sync_power_state_workers")]
    [Range(1, int.MaxValue)]
    public int SyncPowerStateWorkers { get; init; } = OptionDefaults.SyncPowerStateWorkers;

    /// <summary>
    /// <c>[conductor] periodic_max_workers</c>: how many workers one periodic task may start, which
    /// also caps how many nodes a timeout or takeover pass handles per run.
    /// </summary>
    /// <value>Default: 8. Limits: none.</value>
    [IronicOption("periodic_max_workers")]
    public int PeriodicMaxWorkers { get; init; } = OptionDefaults.PeriodicMaxWorkers;

    /// <summary>
    /// <c>[conductor] max_concurrent_deploy</c>: how many nodes may be in <c>deploying</c> or
    /// <c>wait call-back</c> before deploy and rebuild requests get <c>ConcurrentActionLimit</c>
    /// (503; 500 in 21.4). It cannot be turned off.
    /// </summary>
    /// <value>Default: 250. Limits: at least 1.</value>
    [IronicOption("max_concurrent_deploy")]
    [Range(1, int.MaxValue)]
    public int MaxConcurrentDeploy { get; init; } = OptionDefaults.MaxConcurrentDeploy;

    /// <summary>
    /// <c>[conductor] max_concurrent_clean</c>: how many nodes may be in <c>deleting</c>,
    /// <c>cleaning</c> or <c>clean wait</c> before undeploy and manual clean requests get
    /// <c>ConcurrentActionLimit</c> (503; 500 in 21.4). It cannot be turned off.
    /// </summary>
    /// <value>Default: 50. Limits: at least 1.</value>
    [IronicOption("max_concurrent_clean")]
    [Range(1, int.MaxValue)]
    public int MaxConcurrentClean { get; init; } = OptionDefaults.MaxConcurrentClean;
}
