using System.Buffers;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using MessagePack;

namespace IronicCore.Fleet.Policies;

/// <summary>
/// Yahoo's Reparo in the seed thread: every node found in maintenance gets one round of manual
/// cleaning to see whether the problem was transient; if it passes the node goes back to the
/// pool, if not a human looks. Each <see cref="Run"/> looks once and sends each request without
/// waiting, so the same code runs as a fleet's policy and as a tool polling a real Ironic
/// (samples/Harness runs it against an in-process <see cref="Conductor"/>).
/// </summary>
/// <remarks>
/// A fleet's conductors accept manual cleaning in maintenance
/// (<see cref="AllowManualCleaningInMaintenancePolicy"/>); the agent's heartbeats are still
/// frozen by maintenance, so once the clean is running on a node that cannot be scheduled,
/// Reparo lifts maintenance to let it proceed. Under Ironic's own rules the clean is refused
/// (<see cref="NodeInMaintenanceException"/>); the node is in <c>manageable</c>, out of the pool,
/// so Reparo lifts maintenance and asks again. Not thread-safe: one caller at a time.
/// </remarks>
public sealed class ReparoPolicy : IPersistentFleetPolicy
{
    private readonly ProvisionRequest cleanRound;
    private readonly Remediation remediation = new();
    private readonly HashSet<string> cleaning = new(StringComparer.Ordinal);

    /// <summary>A Reparo whose round of cleaning is <c>deploy.erase_devices_metadata</c>, the agent's quick erase.</summary>
    public ReparoPolicy()
        : this(new ProvisionRequest { CleanSteps = [new StepRequest("deploy", "erase_devices_metadata")] })
    {
    }

    /// <summary>A Reparo whose round of cleaning is <paramref name="cleanRound"/> (the <c>clean</c> verb's fields).</summary>
    /// <param name="cleanRound">The request of one round of manual cleaning, with its <c>clean_steps</c>.</param>
    public ReparoPolicy(ProvisionRequest cleanRound)
    {
        ArgumentNullException.ThrowIfNull(cleanRound);
        this.cleanRound = cleanRound;
    }

    /// <summary><c>reparo</c>.</summary>
    public string Name => "reparo";

    /// <summary><see cref="AllowManualCleaningInMaintenancePolicy"/>: the rule the seed's authors asked Ironic for.</summary>
    public IMaintenancePolicy MaintenancePolicy => AllowManualCleaningInMaintenancePolicy.Instance;

    /// <summary>10 minutes.</summary>
    public TimeSpan Interval => Remediation.Interval;

    /// <summary>
    /// One look at the fleet: each node in maintenance, or failed, moves one step along
    /// <c>manage</c>, one round of <c>clean</c>, <c>provide</c>; a node whose round of cleaning
    /// failed, or that is back in maintenance within a week of its return, gets a ticket.
    /// Refused requests wait for the next look.
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
                case ProvisionState.Manageable when mine && node.Fault is null:
                    // Our clean passed with maintenance on (nothing froze it): lift it, `provide` follows.
                    Remediation.Try(() => fleet.ClearMaintenance(node.Uuid));
                    break;
                case ProvisionState.Manageable:
                    if (Clean(fleet, node.Uuid))
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

    /// <summary>
    /// One round of manual cleaning. Refused because the node is in maintenance (Ironic's own
    /// rules), the node is in <c>manageable</c>, where nothing schedules it: lift maintenance and
    /// ask again.
    /// </summary>
    /// <returns>Whether the clean was accepted.</returns>
    private bool Clean(IFleetApi fleet, string uuid)
    {
        try
        {
            fleet.SetProvisionState(uuid, ApiVerb.Clean, cleanRound);
            return true;
        }
        catch (NodeInMaintenanceException)
        {
            return Remediation.Try(() => fleet.ClearMaintenance(uuid)) && Remediation.Try(() => fleet.SetProvisionState(uuid, ApiVerb.Clean, cleanRound));
        }
        catch (IronicException)
        {
            return false;
        }
    }

    /// <summary>Writes the nodes Reparo is cleaning and those it returned.</summary>
    /// <param name="output">Where to write.</param>
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

    /// <summary>Takes back what <see cref="SaveState"/> wrote.</summary>
    /// <param name="state">The bytes written.</param>
    /// <exception cref="FormatException">Not a state of this policy.</exception>
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
