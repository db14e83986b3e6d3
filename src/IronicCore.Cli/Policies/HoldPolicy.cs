using System.Buffers;
using IronicCore.Maintenance;
using IronicCore.Simulation.Fleet;

namespace IronicCore.Cli.Policies;

/// <summary>
/// Ironic's default and Rackspace's practice in the seed thread: a node in maintenance is
/// frozen (its agent's heartbeats are only recorded) and waits for a human, who looks at the
/// hardware before anything cleans it. Every node in maintenance or a failed state gets a ticket.
/// </summary>
internal sealed class HoldPolicy : IPersistentFleetPolicy
{
    public string Name => "hold";

    public IMaintenancePolicy MaintenancePolicy => IronicMaintenancePolicy.Instance;

    public TimeSpan Interval => Remediation.Interval;

    public void Run(IFleetApi fleet)
    {
        foreach (var node in fleet.ListNodes(maintenance: true))
        {
            fleet.OpenTicket(node.Uuid);
        }

        foreach (var node in Remediation.FailedOutOfMaintenance(fleet))
        {
            fleet.OpenTicket(node.Uuid);
        }
    }

    /// <summary>Nothing to save: the policy remembers nothing between runs.</summary>
    public void SaveState(IBufferWriter<byte> output)
    {
    }

    public void LoadState(ReadOnlyMemory<byte> state)
    {
        if (!state.IsEmpty)
        {
            throw new FormatException("The hold policy has no state.");
        }
    }
}
