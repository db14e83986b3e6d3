using System.Buffers;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.Simulation.Fleet;
using IronicCore.States;
using IronicCore.Steps;
using MessagePack;

namespace IronicCore.Cli.Policies;

/// <summary>
/// Yahoo's Reparo in the seed thread: every node found in maintenance gets one round of manual
/// cleaning to see whether the problem was transient; if it passes the node goes back to the
/// pool, if not a human looks. The conductors accept manual cleaning in maintenance
/// (<see cref="AllowManualCleaningInMaintenancePolicy"/>); the agent's heartbeats are still
/// frozen by maintenance, so once the clean is running on a node that cannot be scheduled,
/// Reparo lifts maintenance to let it proceed.
/// </summary>
internal sealed class ReparoPolicy : IPersistentFleetPolicy
{
    private static readonly ProvisionRequest OneCleanRound = new() { CleanSteps = [new StepRequest("deploy", "erase_devices_metadata")] };

    private readonly Remediation remediation = new();
    private readonly HashSet<string> cleaning = new(StringComparer.Ordinal);

    public string Name => "reparo";

    public IMaintenancePolicy MaintenancePolicy => AllowManualCleaningInMaintenancePolicy.Instance;

    public TimeSpan Interval => Remediation.Interval;

    public void Run(IFleetApi fleet)
    {
        foreach (var node in fleet.ListNodes(maintenance: true))
        {
            if (fleet.HasTicket(node.Uuid) || remediation.TicketIfRecurring(fleet, node))
            {
                continue;
            }

            var mine = cleaning.Contains(node.Uuid);
            switch (node.ProvisionState)
            {
                case ProvisionState.CleanWait when mine:
                    // Our clean, frozen by maintenance; the node is manageable-bound, out of the pool.
                    Remediation.Try(() => fleet.ClearMaintenance(node.Uuid));
                    break;
                case ProvisionState.CleanWait:
                    Remediation.Try(() => fleet.SetProvisionState(node.Uuid, ApiVerb.Abort));
                    break;
                case ProvisionState.CleanFailed when mine:
                    cleaning.Remove(node.Uuid);
                    fleet.OpenTicket(node.Uuid);
                    break;
                case ProvisionState.CleanFailed or ProvisionState.Available:
                    Remediation.Try(() => fleet.SetProvisionState(node.Uuid, ApiVerb.Manage));
                    break;
                case ProvisionState.Manageable:
                    if (Remediation.Try(() => fleet.SetProvisionState(node.Uuid, ApiVerb.Clean, OneCleanRound)))
                    {
                        cleaning.Add(node.Uuid);
                    }

                    break;
                case ProvisionState.DeployFailed:
                    Remediation.Try(() => fleet.SetProvisionState(node.Uuid, ApiVerb.Deleted));
                    break;
            }
        }

        // Our cleans that failed out of maintenance (a timeout with no step) also go to a human.
        foreach (var node in fleet.ListNodes(maintenance: false, provisionState: ProvisionState.CleanFailed))
        {
            if (cleaning.Remove(node.Uuid))
            {
                fleet.OpenTicket(node.Uuid);
            }
        }

        // Passed: manageable again, out of maintenance; `provide` returns it to the pool.
        foreach (var node in fleet.ListNodes(maintenance: false, provisionState: ProvisionState.Manageable))
        {
            cleaning.Remove(node.Uuid);
        }

        remediation.RecoverFailed(fleet);
    }

    public void SaveState(IBufferWriter<byte> output) => Remediation.Save(output, (ref MessagePackWriter writer) =>
    {
        writer.WriteArrayHeader(2);
        remediation.Write(ref writer);
        writer.WriteArrayHeader(cleaning.Count);
        foreach (var uuid in cleaning)
        {
            writer.Write(uuid);
        }
    });

    public void LoadState(ReadOnlyMemory<byte> state) => Remediation.Load(state, (ref MessagePackReader reader) =>
    {
        if (reader.ReadArrayHeader() != 2)
        {
            throw new MessagePackSerializationException("the reparo policy's state has two parts");
        }

        remediation.Read(ref reader);
        cleaning.Clear();
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            cleaning.Add(reader.ReadString() ?? throw new MessagePackSerializationException("a node UUID is missing"));
        }
    });
}
