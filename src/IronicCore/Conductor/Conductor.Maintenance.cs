using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore;

/// <summary>Maintenance mode: <c>PUT</c> and <c>DELETE /v1/nodes/{node}/maintenance</c>.</summary>
public sealed partial class Conductor
{
    /// <summary>
    /// Puts a node in maintenance (<c>PUT /v1/nodes/{node}/maintenance</c>), in any provision
    /// state. The reason is replaced (null clears it); a <c>fault</c> the conductor set stays,
    /// so a node in <c>power failure</c> is still recovered automatically.
    /// </summary>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    public void SetMaintenance(string ident, string? reason = null)
    {
        var node = Find(ident);
        EnsureUnlocked(node);
        SetMaintenanceFlag(node, true);
        node.MaintenanceReason = reason;
        Touch(node);
    }

    /// <summary>
    /// Takes a node out of maintenance (<c>DELETE /v1/nodes/{node}/maintenance</c>): the reason
    /// and the <c>fault</c> are cleared with it.
    /// </summary>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    public void ClearMaintenance(string ident)
    {
        var node = Find(ident);
        EnsureUnlocked(node);
        SetMaintenanceFlag(node, false);
        node.MaintenanceReason = null;
        node.Fault = null;
        Touch(node);
    }

    /// <summary>
    /// Every change of a node's <c>maintenance</c> goes through here, so the conductor's list of
    /// nodes in maintenance stays exact: power sync, the fleet's samples and its listings read
    /// that list instead of every node.
    /// </summary>
    private void SetMaintenanceFlag(Node node, bool maintenance)
    {
        node.Maintenance = maintenance;
        if (maintenance)
        {
            maintenanceSlots.Add(node.Index);
        }
        else
        {
            maintenanceSlots.Remove(node.Index);
        }
    }
}
