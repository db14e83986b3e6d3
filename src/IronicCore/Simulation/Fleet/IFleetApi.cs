using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Simulation.Fleet;

/// <summary>
/// What an operator's automation reaches in a simulated fleet: Ironic's API in front of the
/// conductors (each request goes to the conductor that Ironic's hash ring gives the node, and
/// takes one of its workers) and the human operators' ticket queue.
/// </summary>
public interface IFleetApi
{
    /// <summary>The virtual time now.</summary>
    DateTimeOffset Now { get; }

    /// <summary><c>GET /v1/nodes</c> with its filters, as snapshots in creation order.</summary>
    /// <param name="maintenance">Only nodes with this <c>maintenance</c>; null for all.</param>
    /// <param name="provisionState">Only nodes in this state; null for all.</param>
    /// <returns>The matching nodes.</returns>
    IReadOnlyList<NodeView> ListNodes(bool? maintenance = null, ProvisionState? provisionState = null);

    /// <summary><c>PUT /v1/nodes/{node}/states/provision</c>.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="verb">The verb.</param>
    /// <param name="request">The verb's fields (steps for <c>clean</c>).</param>
    /// <exception cref="IronicException">
    /// Refused as Ironic refuses it (e.g. <see cref="NodeInMaintenanceException"/>,
    /// <see cref="ConcurrentActionLimitException"/>), or <see cref="NoFreeConductorWorkerException"/>
    /// when the node's conductor has no free worker, or a 500 when that conductor is dead and
    /// still on the ring. Nothing changed.
    /// </exception>
    void SetProvisionState(string ident, ApiVerb verb, ProvisionRequest? request = null);

    /// <summary><c>PUT /v1/nodes/{node}/maintenance</c>.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="reason">The <c>maintenance_reason</c>.</param>
    /// <exception cref="IronicException">Refused as Ironic refuses it; nothing changed.</exception>
    void SetMaintenance(string ident, string? reason = null);

    /// <summary><c>DELETE /v1/nodes/{node}/maintenance</c>.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <exception cref="IronicException">Refused as Ironic refuses it; nothing changed.</exception>
    void ClearMaintenance(string ident);

    /// <summary>
    /// Hands the node to the human operators: one ticket, worked in turn in their hours; they
    /// repair what is broken and return the node to <c>available</c>. A node with an open
    /// ticket is the humans' until it is back; a second call is ignored.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    void OpenTicket(string ident);

    /// <summary>Whether the node has an open ticket.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <returns>True while the humans have it.</returns>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    bool HasTicket(string ident);
}
