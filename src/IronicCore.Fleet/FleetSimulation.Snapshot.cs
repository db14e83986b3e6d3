using System.Buffers;
using IronicCore.Persistence;
using IronicCore.Simulation;
using IronicCore.States;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Fleet;

// Saving a fleet run and resuming it: the scenario, the conductor's whole state, the tenants,
// faults, operators' queue, conductor processes, metrics, random streams, the policy's own state
// and every pending event. A resumed run continues exactly as the uninterrupted one.
public sealed partial class FleetSimulation
{
    /// <summary>
    /// Writes a snapshot of the run to <paramref name="stream"/> (format: docs/persistence.md);
    /// <see cref="Load"/> resumes it in any process. Call it between advances of the clock.
    /// </summary>
    /// <param name="stream">Where to write; written at its current position.</param>
    /// <exception cref="SnapshotUnsupportedException">
    /// The policy does not implement <see cref="IPersistentFleetPolicy"/>, so its state would be lost,
    /// or the clock holds a timer with a callback. Nothing was written.
    /// </exception>
    /// <exception cref="InvalidOperationException">Called from inside an event.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var body = new ArrayBufferWriter<byte>(1 << 16);
        var writer = new MessagePackWriter(body);
        Write(ref writer);
        writer.Flush();
        SnapshotFile.Write(stream, SnapshotKind.Fleet, body.WrittenSpan);
    }

    /// <summary>
    /// Reads a snapshot written by <see cref="Save"/>: the run as it stood, on a new clock. The
    /// file is read and its checksum verified before anything is built.
    /// </summary>
    /// <param name="stream">The snapshot, from its first byte.</param>
    /// <param name="policies">
    /// Makes a fresh instance of the policy the run had, by its <see cref="IFleetPolicy.Name"/>
    /// (code is not saved); its state is then loaded from the snapshot.
    /// </param>
    /// <returns>The run; continue it with <see cref="RunUntil"/> or <see cref="Run"/>.</returns>
    /// <exception cref="PersistenceFormatException">Not a fleet snapshot, a newer format, truncated or corrupted.</exception>
    /// <exception cref="ArgumentException">The policy made is not the one saved (another name, or another maintenance policy).</exception>
    public static FleetSimulation Load(Stream stream, Func<string, IFleetPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(policies);
        return SnapshotFile.Read(stream, SnapshotKind.Fleet, (ref MessagePackReader reader, int format) => Read(ref reader, policies, format));
    }

    /// <summary>The scenario the run plays (a resumed run's, as saved).</summary>
    public FleetScenario Scenario => scenario;

    /// <summary>Writes the whole run; checks first that everything in it can be saved.</summary>
    internal void Write(ref MessagePackWriter writer)
    {
        if (policy is not IPersistentFleetPolicy persistent)
        {
            throw new SnapshotUnsupportedException(
                $"Policy {policy.Name} does not implement IPersistentFleetPolicy: whatever it remembers between runs would be lost.");
        }

        var policyState = new ArrayBufferWriter<byte>();
        persistent.SaveState(policyState);
        conductor.WriteSnapshot(ref writer, this, (ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(14);
            FleetScenarioSnapshot.Write(ref w, scenario);
            w.Write(policy.Name);
            w.Write(policyState.WrittenSpan);
            conductor.WriteEmbeddedState(ref w);
            SnapshotCodec.Write(ref w, arrivalDraws.GetState());
            SnapshotCodec.Write(ref w, placementDraws.GetState());
            SnapshotCodec.Write(ref w, faultDraws.GetState());
            SnapshotCodec.Write(ref w, conductorDraws.GetState());
            WriteNodes(ref w);
            WriteOperators(ref w);
            metrics.Write(ref w);
            gateway.Write(ref w);
            w.WriteArrayHeader(2);
            SnapshotCodec.Write(ref w, leaseDraws.GetState());
            SnapshotCodec.Write(ref w, reportDraws.GetState());
            SnapshotCodec.Write(ref w, redfishFaultDraws.GetState());
        });
    }

    /// <summary>Reads a run <see cref="Write"/> wrote, in snapshot format <paramref name="format"/>.</summary>
    internal static FleetSimulation Read(ref MessagePackReader reader, Func<string, IFleetPolicy> policies, int format) =>
        Conductor.ReadSnapshot(ref reader, (ref MessagePackReader r, SimulationClock clock) =>
        {
            // Twelve elements before the leases and the false reports had streams of their own, and
            // thirteen before the Redfish BMCs' faults had theirs: such a run's go on from the seed's start.
            var elements = r.ReadArrayHeader();
            if (elements is not (12 or 13 or 14))
            {
                throw new MessagePackSerializationException($"a fleet run has 12 to 14 elements, not {elements}");
            }

            // The scenario's Ironic options are the conductor's, read below.
            var scenarioStart = r.CreatePeekReader();
            r.Skip();
            var name = ReadText(ref r, "the policy's name");
            var state = r.ReadBytes() ?? throw new MessagePackSerializationException("the policy's state is missing");
            var policy = policies(name);
            if (policy.Name != name)
            {
                throw new ArgumentException($"The run was saved with policy {name}; the policy made for it is {policy.Name}.", nameof(policies));
            }

            if (policy is not IPersistentFleetPolicy persistent)
            {
                throw new ArgumentException($"Policy {name} does not implement IPersistentFleetPolicy, so it cannot take its saved state back.", nameof(policies));
            }

            try
            {
                persistent.LoadState(state.ToArray());
            }
            catch (FormatException error)
            {
                throw new MessagePackSerializationException($"policy {name} refuses its saved state: {error.Message}", error);
            }

            var conductor = Conductor.ReadEmbeddedState(ref r, clock, policy.MaintenancePolicy, format, FleetHardware.Packages);
            var scenario = FleetScenarioSnapshot.Read(ref scenarioStart, conductor.Options);
            SeededRandomState[] draws = [ReadRandomState(ref r), ReadRandomState(ref r), ReadRandomState(ref r), ReadRandomState(ref r)];
            var simulation = new FleetSimulation(scenario, policy, conductor, draws);
            simulation.ReadNodes(ref r);
            simulation.CountHardware(fromStates: true);
            simulation.ReadOperators(ref r);
            simulation.metrics.Read(ref r);
            simulation.gateway.Read(ref r);
            if (elements >= 13)
            {
                Expect(ref r, 2, "the leases' random streams");
                simulation.leaseDraws = new SeededRandom(ReadRandomState(ref r));
                simulation.reportDraws = new SeededRandom(ReadRandomState(ref r));
            }
            if (elements == 14)
            {
                simulation.redfishFaultDraws = new SeededRandom(ReadRandomState(ref r));
            }

            simulation.faultRatePerTick = simulation.FaultRatePerTick();
            simulation.StartRedfishFaults();
            return (conductor, simulation);
        });

    /// <summary>Each node's tenant, fault and ticket, then the free set in its order (the scheduler draws by position).</summary>
    private void WriteNodes(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(2);
        writer.WriteArrayHeader(fleet.Length * 7);
        foreach (var node in fleet)
        {
            writer.Write(node.HasInstance);
            writer.Write(node.Lease);
            writer.Write(node.Fault is { } fault ? FaultIndex(fault) : -1);
            writer.Write(node.FaultGeneration);
            writer.Write(node.OutSince);
            writer.Write(node.Ticket);
            writer.Write(node.Visiting);
        }

        writer.WriteArrayHeader(free.Count);
        for (var i = 0; i < free.Count; i++)
        {
            writer.Write(free[i]);
        }
    }

    private int FaultIndex(HardwareFaultProfile fault)
    {
        for (var i = 0; i < scenario.Faults.Length; i++)
        {
            if (ReferenceEquals(scenario.Faults[i], fault))
            {
                return i;
            }
        }

        throw new InvalidOperationException("A node's fault is not one of the scenario's profiles.");
    }

    private void ReadNodes(ref MessagePackReader reader)
    {
        Expect(ref reader, 2, "the fleet's nodes");
        Expect(ref reader, fleet.Length * 7, "the fleet's nodes");
        if (conductor.NodeSlots < fleet.Length)
        {
            throw new MessagePackSerializationException("the fleet has more nodes than its conductor");
        }

        using var types = FleetHardware.Sequence(hardware).GetEnumerator();
        for (var i = 0; i < fleet.Length && types.MoveNext(); i++)
        {
            var uuid = conductor.UuidAt(i) ?? throw new MessagePackSerializationException($"the fleet's node {i} is deleted");
            var node = new FleetNode(i, uuid) { Hardware = hardwareIndex[types.Current], HasInstance = reader.ReadBoolean(), Lease = reader.ReadInt64() };
            var fault = reader.ReadInt32();
            if (fault >= scenario.Faults.Length)
            {
                throw new MessagePackSerializationException($"node {i} has fault profile {fault}, which the scenario does not have");
            }

            node.Fault = fault < 0 ? null : scenario.Faults[fault];
            node.FaultGeneration = reader.ReadInt64();
            node.OutSince = reader.ReadInt64();
            node.Ticket = reader.ReadBoolean();
            node.Visiting = reader.ReadBoolean();
            fleet[i] = node;
            byUuid.Add(node.Uuid, node);

            // The sampling indexes are derived, so made again rather than saved.
            openTickets += node.Ticket ? 1 : 0;
            if (node.OutSince >= 0)
            {
                outSlots.Add(i);
            }

            if (FailedStates[(int)conductor.StateAt(i)])
            {
                failedSlots.Add(i);
            }
        }

        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            var index = reader.ReadInt32();
            if ((uint)index >= (uint)fleet.Length)
            {
                throw new MessagePackSerializationException($"free node {index} is not in the fleet");
            }

            free.Add(index);
        }
    }

    private void WriteOperators(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(3);
        writer.WriteArrayHeader(tickets.Count);
        foreach (var ticket in tickets)
        {
            writer.Write(ticket);
        }

        writer.Write(idleOperators);
        writer.Write(shiftScheduledTicks);
    }

    private void ReadOperators(ref MessagePackReader reader)
    {
        Expect(ref reader, 3, "the operators' queue");
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            tickets.Enqueue(reader.ReadInt32());
        }

        idleOperators = reader.ReadInt32();
        shiftScheduledTicks = reader.ReadInt64();
    }
}
