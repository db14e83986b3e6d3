using IronicCore;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Fleet;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.States;

namespace CustomPolicy;

/// <summary>
/// A policy of your own, run with
/// <c>ironic-sim fleet --policy-assembly samples/CustomPolicy/bin/Release/net10.0/CustomPolicy.dll</c>.
/// Triage: a node in maintenance for a BMC that stopped answering (<c>power failure</c>) is left
/// alone for an hour, because Ironic takes it out of maintenance itself once the BMC answers;
/// every other node in maintenance, or failed, goes to a human at once, as with Ironic's default.
/// </summary>
public sealed class TriagePolicy : IFleetPolicy
{
    private static readonly TimeSpan BmcPatience = TimeSpan.FromHours(1);

    private readonly Dictionary<string, DateTimeOffset> firstSeen = [];

    public string Name => "triage";

    public IMaintenancePolicy MaintenancePolicy => IronicMaintenancePolicy.Instance;

    public TimeSpan Interval => TimeSpan.FromMinutes(10);

    public void Run(IFleetApi fleet)
    {
        var inMaintenance = fleet.ListNodes(maintenance: true);
        foreach (var node in inMaintenance)
        {
            if (node.Fault == NodeFault.PowerFailure && Waiting(fleet, node))
            {
                continue;
            }

            fleet.OpenTicket(node.Uuid);
        }

        // A node out of maintenance starts afresh next time.
        var still = inMaintenance.Select(n => n.Uuid).ToHashSet();
        foreach (var uuid in firstSeen.Keys.Where(u => !still.Contains(u)).ToList())
        {
            firstSeen.Remove(uuid);
        }

        foreach (var node in fleet.ListNodes(maintenance: false, provisionState: ProvisionState.CleanFailed))
        {
            fleet.OpenTicket(node.Uuid);
        }
    }

    private bool Waiting(IFleetApi fleet, NodeView node)
    {
        if (!firstSeen.TryGetValue(node.Uuid, out var since))
        {
            firstSeen[node.Uuid] = since = fleet.Now;
        }

        return fleet.Now - since < BmcPatience;
    }
}
