using System.Collections.Immutable;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore;

/// <summary>Node updates (<c>PATCH /v1/nodes/{node}</c>) with Ironic's state rules.</summary>
public sealed partial class Conductor
{
    /// <summary>Replaces a node's <c>driver_info</c> (<c>PATCH /v1/nodes/{node}</c> on <c>/driver_info</c>).</summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    /// <exception cref="NodeLockedException">The node is locked.</exception>
    /// <exception cref="InvalidStateException">The node is in a transition that does not allow updates.</exception>
    public NodeView UpdateDriverInfo(string ident, ImmutableSortedDictionary<string, string> driverInfo)
    {
        ArgumentNullException.ThrowIfNull(driverInfo);
        var node = Find(ident);
        EnsureUnlocked(node);
        if (!node.Maintenance && node.TargetProvisionState is not null
            && !machine.StatesIn(ProvisionStateSet.UpdateAllowedStates).Contains(node.ProvisionState))
        {
            throw new InvalidStateException(
                $"Node {node.Uuid} can not be updated while a state transition is in progress.");
        }

        node.DriverInfo = driverInfo;
        return node.ToView();
    }

    /// <summary>
    /// Sets or clears <c>protected</c> (with its reason). A protected node refuses undeploy,
    /// rebuild and deletion. Only an <c>active</c> or <c>rescue</c> node can be protected;
    /// clearing it clears the reason.
    /// </summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    /// <exception cref="NodeLockedException">The node is locked.</exception>
    /// <exception cref="InvalidStateException">Protecting a node that is not active or in rescue (409).</exception>
    public NodeView SetProtected(string ident, bool @protected, string? reason = null)
    {
        var node = Find(ident);
        EnsureUnlocked(node);
        if (@protected && node.ProvisionState is not (ProvisionState.Active or ProvisionState.Rescue))
        {
            throw new InvalidStateException(
                $"Node {node.Uuid} can only be made protected in provision states \"active\" and \"rescue\", " +
                $"the current state is \"{node.ProvisionState.ToIronicName()}\"");
        }

        node.Protected = @protected;
        node.ProtectedReason = @protected ? reason : null;
        return node.ToView();
    }

    /// <summary>
    /// Sets or clears <c>retired</c> (with its reason). A retired node refuses <c>provide</c>,
    /// and its cleaning ends in <c>manageable</c>. An <c>available</c> node cannot be retired.
    /// </summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    /// <exception cref="NodeLockedException">The node is locked.</exception>
    /// <exception cref="InvalidStateException">Retiring an available node (409).</exception>
    public NodeView SetRetired(string ident, bool retired, string? reason = null)
    {
        var node = Find(ident);
        EnsureUnlocked(node);
        if (retired && node.ProvisionState == ProvisionState.Available)
        {
            throw new InvalidStateException(
                $"Node {node.Uuid} can not be retired in provision state \"available\"; move it to \"manageable\" first");
        }

        node.Retired = retired;
        node.RetiredReason = retired ? reason : null;
        return node.ToView();
    }
}
