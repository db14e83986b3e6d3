using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Maintenance;

/// <summary>
/// Decides what maintenance mode blocks. The conductor asks at each point where Ironic checks
/// <c>maintenance</c>, in Ironic's order, and only for nodes in maintenance.
/// <see cref="IronicMaintenancePolicy"/> is Ironic's behaviour; implement this interface for
/// another one (the seed's remediation tool needs manual cleaning in maintenance). Called on
/// the simulation's thread; implementations should be stateless or confined to it.
/// </summary>
public interface IMaintenancePolicy
{
    /// <summary>Whether a provisioning request with <paramref name="verb"/> proceeds; false refuses it with <c>NodeInMaintenance</c> (400).</summary>
    /// <param name="node">The node, in maintenance.</param>
    /// <param name="verb">The requested verb.</param>
    /// <param name="options">The conductor's options.</param>
    bool AllowsRequest(NodeView node, ApiVerb verb, ConductorOptions options);

    /// <summary>Whether cleaning that starts on a node in maintenance runs; false fails it at once to <c>clean failed</c>.</summary>
    /// <param name="node">The node, in maintenance.</param>
    /// <param name="manual">True for manual cleaning, false for automated.</param>
    /// <param name="options">The conductor's options.</param>
    bool AllowsCleaningStart(NodeView node, bool manual, ConductorOptions options);

    /// <summary>
    /// Whether an agent heartbeat in a wait state (<c>clean wait</c>, <c>wait call-back</c>,
    /// <c>rescue wait</c>, <c>service wait</c>) is only recorded, freezing the node; false fails
    /// the operation instead.
    /// </summary>
    /// <param name="node">The node, in maintenance.</param>
    /// <param name="options">The conductor's options.</param>
    bool FreezesOnHeartbeat(NodeView node, ConductorOptions options);
}
