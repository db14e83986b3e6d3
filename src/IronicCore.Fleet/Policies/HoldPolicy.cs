using System.Buffers;
using IronicCore.Maintenance;

namespace IronicCore.Fleet.Policies;

/// <summary>
/// Ironic's default and Rackspace's practice in the seed thread: a node in maintenance is
/// frozen (its agent's heartbeats are only recorded) and waits for a human, who looks at the
/// hardware before anything cleans it. Every node in maintenance or a failed state gets a ticket.
/// </summary>
public sealed class HoldPolicy : IPersistentFleetPolicy
{
    /// <summary><c>hold</c>.</summary>
    public string Name => "hold";

    /// <summary><see cref="IronicMaintenancePolicy"/>: Ironic's own rules.</summary>
    public IMaintenancePolicy MaintenancePolicy => IronicMaintenancePolicy.Instance;

    /// <summary>10 minutes.</summary>
    public TimeSpan Interval => Remediation.Interval;

    /// <summary>Tickets every node in maintenance, and every failed node out of maintenance without one.</summary>
    /// <param name="fleet">The fleet's API.</param>
    public void Run(IFleetApi fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
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
    /// <param name="output">Not written to.</param>
    public void SaveState(IBufferWriter<byte> output)
    {
    }

    /// <summary>Takes back the empty state.</summary>
    /// <param name="state">Empty.</param>
    /// <exception cref="FormatException">Not empty.</exception>
    public void LoadState(ReadOnlyMemory<byte> state)
    {
        if (!state.IsEmpty)
        {
            throw new FormatException("The hold policy has no state.");
        }
    }
}
