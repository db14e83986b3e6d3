namespace IronicCore.Configuration;

/// <content>The node records: which nodes may be deleted.</content>
public sealed partial class ConductorOptions
{
    /// <summary>
    /// <c>[conductor] allow_deleting_available_nodes</c>: whether a node in <c>available</c> may be
    /// deleted, besides those in <c>manageable</c>, <c>enroll</c> and <c>adopt failed</c> (any state
    /// in maintenance). When false, deleting an <c>available</c> node outside maintenance answers
    /// <c>InvalidState</c> (409).
    /// </summary>
    /// <value>Default: <c>true</c>. Limits: none.</value>
    [IronicOption("allow_deleting_available_nodes")]
    public bool AllowDeletingAvailableNodes { get; init; } = OptionDefaults.AllowDeletingAvailableNodes;
}
