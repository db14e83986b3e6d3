using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore;

/// <summary>
/// The node operations of Ironic's REST API that automation calls (a remediation tool such as
/// the seed's Reparo): list and read nodes, set and clear maintenance, change provision and
/// power states. <see cref="Conductor"/> answers them in-process, a simulated fleet answers them
/// through its conductors' hash ring, and a client of a real Ironic can implement them over
/// HTTP, so a tool written against this interface runs unchanged on all three.
/// </summary>
/// <remarks>
/// Every request returns once Ironic has accepted it (HTTP 202); its work runs afterwards, so
/// callers poll <see cref="GetNode"/> for the outcome. A refused request throws Ironic's error
/// (an <see cref="IronicException"/>) and changes nothing.
/// </remarks>
public interface IIronicClient
{
    /// <summary><c>GET /v1/nodes</c> with its <c>maintenance</c> and <c>provision_state</c> filters, in creation order.</summary>
    /// <param name="maintenance">Only nodes with this <c>maintenance</c>; null for all.</param>
    /// <param name="provisionState">Only nodes in this state; null for all.</param>
    /// <returns>Snapshots of the matching nodes.</returns>
    IReadOnlyList<NodeView> ListNodes(bool? maintenance = null, ProvisionState? provisionState = null);

    /// <summary><c>GET /v1/nodes/{node}</c>.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <returns>A snapshot of the node.</returns>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    NodeView GetNode(string ident);

    /// <summary><c>PUT /v1/nodes/{node}/states/provision</c>.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="verb">The verb (<c>manage</c>, <c>provide</c>, <c>clean</c>, <c>active</c>, <c>deleted</c>, ...).</param>
    /// <param name="request">The verb's fields (e.g. <c>clean_steps</c>); null for none.</param>
    /// <exception cref="IronicException">Refused as Ironic refuses it; nothing changed.</exception>
    void SetProvisionState(string ident, ApiVerb verb, ProvisionRequest? request = null);

    /// <summary><c>PUT /v1/nodes/{node}/maintenance</c>.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="reason">The <c>maintenance_reason</c>; null for none.</param>
    /// <exception cref="IronicException">Refused as Ironic refuses it; nothing changed.</exception>
    void SetMaintenance(string ident, string? reason = null);

    /// <summary><c>DELETE /v1/nodes/{node}/maintenance</c>.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <exception cref="IronicException">Refused as Ironic refuses it; nothing changed.</exception>
    void ClearMaintenance(string ident);

    /// <summary><c>PUT /v1/nodes/{node}/states/power</c>.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="target">The power state wanted (<c>power on</c>, <c>power off</c>, <c>rebooting</c>, soft variants).</param>
    /// <param name="timeout">How long the driver may wait for the power to change; null for Ironic's default.</param>
    /// <exception cref="IronicException">Refused as Ironic refuses it; nothing changed.</exception>
    void SetPowerState(string ident, PowerState target, TimeSpan? timeout = null);
}
