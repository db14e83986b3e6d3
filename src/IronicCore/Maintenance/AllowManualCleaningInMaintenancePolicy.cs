using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Maintenance;

/// <summary>
/// What the seed's remediation tool ("Reparo") asks for and Ironic refuses: manual cleaning
/// of a <c>manageable</c> node that is in maintenance is accepted and runs, so the tool can
/// re-image a suspect node before a human looks. Other rules are Ironic's.
/// </summary>
public sealed class AllowManualCleaningInMaintenancePolicy : IronicMaintenancePolicy
{
    /// <summary>The one instance; the policy has no state.</summary>
    public static new AllowManualCleaningInMaintenancePolicy Instance { get; } = new();

    /// <inheritdoc/>
    public override bool AllowsRequest(NodeView node, ApiVerb verb, ConductorOptions options) =>
        verb == ApiVerb.Clean || base.AllowsRequest(node, verb, options);

    /// <inheritdoc/>
    public override bool AllowsCleaningStart(NodeView node, bool manual, ConductorOptions options) =>
        manual || base.AllowsCleaningStart(node, manual, options);
}
