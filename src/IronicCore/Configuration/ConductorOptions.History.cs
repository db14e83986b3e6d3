using System.ComponentModel.DataAnnotations;
using IronicCore.States;

namespace IronicCore.Configuration;

/// <content>Node history's clean-up (<c>[conductor] node_history_*</c>); recording is <see cref="NodeHistory"/>.</content>
public sealed partial class ConductorOptions
{
    /// <summary>
    /// <c>[conductor] node_history_max_entries</c>: how many history entries the clean-up leaves a
    /// node (entries kept by <see cref="NodeHistoryMinimumDays"/> are not counted). Zero disables the clean-up.
    /// </summary>
    /// <value>Default: 300. Limits: at least 0.</value>
    [IronicOption("node_history_max_entries")]
    [Range(0, int.MaxValue)]
    public int NodeHistoryMaxEntries { get; init; } = OptionDefaults.NodeHistoryMaxEntries;

    /// <summary><c>[conductor] node_history_cleanup_interval</c>: how often the clean-up runs. Zero disables it.</summary>
    /// <value>Default: 86400 s. Limits: at least 0 s.</value>
    [IronicOption("node_history_cleanup_interval")]
    [SecondsRange(0, long.MaxValue)]
    public TimeSpan NodeHistoryCleanupInterval { get; init; } = OptionDefaults.NodeHistoryCleanupInterval;

    /// <summary>
    /// <c>[conductor] node_history_cleanup_batch_count</c>: how many entries one clean-up run aims to
    /// remove; it stops before the next node once this many went. Zero disables the clean-up.
    /// </summary>
    /// <value>Default: 1000. Limits: at least 0.</value>
    [IronicOption("node_history_cleanup_batch_count")]
    [Range(0, int.MaxValue)]
    public int NodeHistoryCleanupBatchCount { get; init; } = OptionDefaults.NodeHistoryCleanupBatchCount;

    /// <summary><c>[conductor] node_history_minimum_days</c>: entries younger than this many days are never removed.</summary>
    /// <value>Default: 0. Limits: at least 0.</value>
    [IronicOption("node_history_minimum_days")]
    [Range(0, int.MaxValue)]
    public int NodeHistoryMinimumDays { get; init; } = OptionDefaults.NodeHistoryMinimumDays;

    /// <summary>
    /// <c>[conductor] record_step_flows_in_history</c>: whether master records the start and end of
    /// every cleaning, deployment and servicing in the node's history, quoting the step list
    /// (docs/conductor.md, step flows). A deploy step's exception is such an end, an error, so a
    /// deployment that then waits for the agent shows "Deployment aborted at step ..." in
    /// <c>last_error</c>. Off spares a busy fleet the entries, as Ironic's help suggests.
    /// </summary>
    /// <value>Default: <c>true</c>. Limits: none. Master only.</value>
    [IronicOption("record_step_flows_in_history", Since = IronicRelease.Master)]
    public bool RecordStepFlowsInHistory { get; init; } = true;
}
