using System.Buffers;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.States;
using MessagePack;

namespace IronicCore.Fleet.Policies;

/// <summary>
/// The seed thread's suggestion: cleaning fails at once on a node in maintenance
/// (<see cref="FailCleaningInMaintenancePolicy"/>), so it lands in <c>clean failed</c> instead of
/// freezing; the automation then manages it, lifts maintenance and provides it, which cleans it
/// once more. A node whose second cleaning fails, or that comes back within a week, goes to a human.
/// </summary>
public sealed class FailFastPolicy : IPersistentFleetPolicy
{
    private readonly Remediation remediation = new();
    private static readonly TimeSpan RetryMemory = TimeSpan.FromDays(1);

    // When the policy last provided each node; a cleaning failure within a day is its second.
    private readonly Dictionary<string, DateTimeOffset> retried = new(StringComparer.Ordinal);

    /// <summary><c>fail-fast</c>.</summary>
    public string Name => "fail-fast";

    /// <summary><see cref="FailCleaningInMaintenancePolicy"/>.</summary>
    public IMaintenancePolicy MaintenancePolicy => FailCleaningInMaintenancePolicy.Instance;

    /// <summary>10 minutes.</summary>
    public TimeSpan Interval => Remediation.Interval;

    /// <summary>
    /// One look at the fleet: each node in maintenance moves one step along <c>manage</c>, lift
    /// maintenance, <c>provide</c>; a second cleaning failure within a day, or a return to
    /// maintenance within a week, gets a ticket. Refused requests wait for the next look.
    /// </summary>
    /// <param name="fleet">The fleet's API.</param>
    public void Run(IFleetApi fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        foreach (var node in fleet.ListNodes(maintenance: true))
        {
            if (fleet.HasTicket(node.Uuid) || remediation.TicketIfRecurring(fleet, node))
            {
                continue;
            }

            switch (node.ProvisionState)
            {
                case ProvisionState.CleanFailed when retried.Remove(node.Uuid, out var at) && fleet.Now - at < RetryMemory:
                    fleet.OpenTicket(node.Uuid);
                    break;
                case ProvisionState.CleanFailed or ProvisionState.Available:
                    Remediation.Try(() => fleet.SetProvisionState(node.Uuid, ApiVerb.Manage));
                    break;
                case ProvisionState.Manageable:
                    if (Remediation.Try(() => fleet.ClearMaintenance(node.Uuid)) && Remediation.Try(() => fleet.SetProvisionState(node.Uuid, ApiVerb.Provide)))
                    {
                        retried[node.Uuid] = fleet.Now;
                        remediation.Returned(fleet, node.Uuid);
                    }

                    break;
                case ProvisionState.DeployFailed:
                    Remediation.Try(() => fleet.SetProvisionState(node.Uuid, ApiVerb.Deleted));
                    break;
            }
        }

        remediation.RecoverFailed(fleet);
    }

    /// <summary>Writes when the policy provided each node, and the nodes it returned.</summary>
    /// <param name="output">Where to write.</param>
    public void SaveState(IBufferWriter<byte> output) => Remediation.Save(output, (ref MessagePackWriter writer) =>
    {
        writer.WriteArrayHeader(2);
        remediation.Write(ref writer);
        Remediation.WriteTimes(ref writer, retried);
    });

    /// <summary>Takes back what <see cref="SaveState"/> wrote.</summary>
    /// <param name="state">The bytes written.</param>
    /// <exception cref="FormatException">Not a state of this policy.</exception>
    public void LoadState(ReadOnlyMemory<byte> state) => Remediation.Load(state, (ref MessagePackReader reader) =>
    {
        if (reader.ReadArrayHeader() != 2)
        {
            throw new MessagePackSerializationException("the fail-fast policy's state has two parts");
        }

        remediation.Read(ref reader);
        Remediation.ReadTimes(ref reader, retried);
    });
}
