using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Maintenance;

/// <summary>
/// Ironic's own rules: <c>provide</c>, cleaning and heartbeats follow
/// <c>[conductor] allow_provisioning_in_maintenance</c>; manual clean, deploy, rebuild,
/// rescue, unrescue and service are always refused; everything else is allowed.
/// </summary>
public class IronicMaintenancePolicy : IMaintenancePolicy
{
    /// <summary>The one instance; the policy has no state.</summary>
    public static IronicMaintenancePolicy Instance { get; } = new();

    /// <inheritdoc/>
    public virtual bool AllowsRequest(NodeView node, ApiVerb verb, ConductorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return verb switch
        {
            ApiVerb.Provide => options.AllowProvisioningInMaintenance,
            ApiVerb.Clean or ApiVerb.Active or ApiVerb.Deploy or ApiVerb.Rebuild
                or ApiVerb.Rescue or ApiVerb.Unrescue or ApiVerb.Service => false,
            _ => true,
        };
    }

    /// <inheritdoc/>
    public virtual bool AllowsCleaningStart(NodeView node, bool manual, ConductorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AllowProvisioningInMaintenance;
    }

    /// <inheritdoc/>
    public virtual bool FreezesOnHeartbeat(NodeView node, ConductorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AllowProvisioningInMaintenance;
    }
}
