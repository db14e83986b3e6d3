using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Maintenance;

/// <summary>
/// The seed thread's suggestion ("make something fail the cleaning when the node is in
/// maintenance mode"): cleaning of a node in maintenance fails to <c>clean failed</c>, at its
/// start or at the agent's next heartbeat in <c>clean wait</c>, whatever
/// <c>allow_provisioning_in_maintenance</c> says; a <c>manage</c> then brings the node to
/// <c>manageable</c> for a human or a remediation tool. Other rules are Ironic's.
/// </summary>
public sealed class FailCleaningInMaintenancePolicy : IronicMaintenancePolicy
{
    /// <summary>The one instance; the policy has no state.</summary>
    public static new FailCleaningInMaintenancePolicy Instance { get; } = new();

    /// <inheritdoc/>
    public override bool AllowsCleaningStart(NodeView node, bool manual, ConductorOptions options) => false;

    /// <inheritdoc/>
    public override bool FreezesOnHeartbeat(NodeView node, ConductorOptions options)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ProvisionState != ProvisionState.CleanWait && base.FreezesOnHeartbeat(node, options);
    }
}
