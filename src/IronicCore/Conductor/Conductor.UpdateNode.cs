using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore;

/// <summary>Ironic's <c>update_node</c>: the conductor's checks on a node patch, all before any change.</summary>
public sealed partial class Conductor
{
    /// <summary>
    /// Stores the changed fields of <paramref name="update"/> (<c>PATCH /v1/nodes/{node}</c> once the
    /// API has applied the patch), with Ironic's conductor-side rules; the API's own checks (fields
    /// allowed, transitions in progress) come before.
    /// </summary>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="InvalidParameterValueException">An invalid name, or a reason without its flag (400).</exception>
    /// <exception cref="DuplicateNameException">The name is taken (409).</exception>
    /// <exception cref="NodeAssociatedException">A new instance for a node that has one (409).</exception>
    /// <exception cref="InvalidStateException">Protected outside active/rescue, or retired in available (409).</exception>
    /// <exception cref="ArgumentException">A dictionary field is not a JSON object.</exception>
    public NodeView UpdateNode(string ident, NodeUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var node = Find(ident);
        EnsureUnlocked(node);
        var details = DetailsWith(node.Details, update);
        var changed = !ReferenceEquals(details, node.Details) || !Unchanged(node, update);
        var renamed = update.Name != node.Name;
        if (renamed && update.Name is { } name)
        {
            if (!NodeNames.IsValid(name))
            {
                throw new InvalidParameterValueException("node name", name, []);
            }

            if (byName.ContainsKey(name))
            {
                throw new DuplicateNameException(name);
            }
        }

        if (update.InstanceUuid is not null && node.InstanceUuid is not null && update.InstanceUuid != node.InstanceUuid)
        {
            throw new NodeAssociatedException(node.Uuid, node.InstanceUuid);
        }

        if (update.Protected && !node.Protected && node.ProvisionState is not (ProvisionState.Active or ProvisionState.Rescue))
        {
            throw new InvalidStateException(
                $"Node {node.Uuid} can only be made protected in provision states 'active' or 'rescue', " +
                $"the current state is '{node.ProvisionState.ToIronicName()}'");
        }

        if (!update.Protected && update.ProtectedReason is not null && update.ProtectedReason != node.ProtectedReason)
        {
            throw new InvalidParameterValueException("The protected_reason field can only be set when protected is True");
        }

        CheckRetired(node.Uuid, node.ProvisionState, node.Retired, node.RetiredReason, update.Retired, update.RetiredReason);

        if (renamed)
        {
            if (node.Name is not null)
            {
                byName.Remove(node.Name);
            }

            if (update.Name is not null)
            {
                byName.Add(update.Name, node);
            }

            node.Name = update.Name;
        }

        node.DriverInfo = update.DriverInfo;
        node.AutomatedClean = update.AutomatedClean;
        node.InstanceUuid = update.InstanceUuid;
        node.ConductorGroup = update.ConductorGroup.ToLowerInvariant();
        node.Protected = update.Protected;
        node.ProtectedReason = update.Protected ? update.ProtectedReason : null;
        node.Retired = update.Retired;
        node.RetiredReason = update.Retired ? update.RetiredReason : null;
        node.DisablePowerOff = update.DisablePowerOff;
        if (node.Maintenance && !update.Maintenance)
        {
            node.MaintenanceReason = null;
            node.Fault = null;
        }

        SetMaintenanceFlag(node, update.Maintenance);
        node.Details = details;
        if (changed)
        {
            Touch(node);
        }

        return node.ToView();
    }
}
