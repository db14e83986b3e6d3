using System.Buffers;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.Persistence;
using IronicCore.Simulation;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore;

/// <summary>
/// Saving a conductor with its clock, and loading it back: the options, every node with all
/// its fields, machines, agents, random state, periodic tasks, ports, portgroups and every
/// pending event in order. Derived indexes are not saved; <see cref="RebuildIndexes"/> makes them again.
/// </summary>
public sealed partial class Conductor
{
    /// <summary>
    /// Writes a snapshot of the conductor and its <see cref="Clock"/> to <paramref name="stream"/>
    /// (format: docs/persistence.md). <see cref="Load"/> in any process resumes it exactly: the
    /// same events in the same order, the same random draws. Subscriptions are not saved.
    /// </summary>
    /// <param name="stream">Where to write; written at its current position.</param>
    /// <exception cref="SnapshotUnsupportedException">
    /// A hardware type other than fake-hardware is registered (plug-in driver state is not saved),
    /// or a timer made with the clock's <c>CreateTimer</c> is pending. Nothing was written.
    /// </exception>
    /// <exception cref="InvalidOperationException">Called from inside an event: the snapshot would hold half an event.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ISimulationEventHandler[] handlers = [this];
        var body = new ArrayBufferWriter<byte>(1 << 16);
        var writer = new MessagePackWriter(body);
        WriteSimulation(ref writer, handlers, (ref MessagePackWriter w) => WriteState(ref w));
        writer.Flush();
        SnapshotFile.Write(stream, SnapshotKind.Conductor, body.WrittenSpan);
    }

    /// <summary>
    /// Reads a snapshot written by <see cref="Save"/>: a new conductor on a new clock, standing
    /// where the saved one stood. The file is read and its checksum verified before anything is built.
    /// </summary>
    /// <param name="stream">The snapshot, from its first byte.</param>
    /// <param name="maintenancePolicy">The maintenance policy the saved conductor had (code is not saved); null for Ironic's own.</param>
    /// <param name="driverSections">
    /// The driver sections the saved options may carry (<see cref="ConductorOptions.DriverSections"/>: code
    /// is not saved, their values are), e.g. <c>[new IpmiOptions()]</c>; those the snapshot names are carried
    /// again. Null for none. Snapshots written before the driver packages had their own sections
    /// (format 1 and 2 files of IronicCore 0.1) name <c>[ipmi]</c>, <c>[pxe]</c> and <c>[dhcp]</c>.
    /// </param>
    /// <returns>The conductor; its clock is <see cref="Clock"/>.</returns>
    /// <exception cref="PersistenceFormatException">
    /// Not a conductor snapshot, a newer format, truncated or corrupted, or its options name a driver
    /// section not in <paramref name="driverSections"/>.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="maintenancePolicy"/> is not of the type the conductor was saved with.</exception>
    public static Conductor Load(Stream stream, IMaintenancePolicy? maintenancePolicy = null, IEnumerable<OptionSection>? driverSections = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var source = SnapshotReading.SourceOf(stream);
        var (body, format) = SnapshotFile.Read(stream, SnapshotKind.Conductor, source);
        return SnapshotReading.Decode(body, source, (ref MessagePackReader reader) =>
        {
            Conductor? conductor = null;
            ReadSimulation(ref reader, (ref MessagePackReader r, SimulationClock clock) =>
            {
                conductor = ReadState(ref r, clock, maintenancePolicy, format, driverSections);
                return [conductor];
            });
            return conductor!;
        });
    }

    /// <summary>
    /// The frame every simulation snapshot shares: the clock's time, the state <paramref name="writeState"/>
    /// writes, then the queue (its handlers, by index into <paramref name="handlers"/>). The queue
    /// is checked before anything is written.
    /// </summary>
    internal void WriteSimulation(ref MessagePackWriter writer, IReadOnlyList<ISimulationEventHandler> handlers, SnapshotWriter writeState)
    {
        if (Clock.IsRunning)
        {
            throw new InvalidOperationException("A snapshot cannot be taken from inside an event: save between advances of the clock.");
        }

        CheckSavable();
        var events = Clock.QueuedFor(handlers);
        writer.WriteArrayHeader(3);
        Clock.WriteTime(ref writer);
        writeState(ref writer);
        Clock.WriteQueue(ref writer, events, handlers);
    }

    /// <summary>Reads the frame <see cref="WriteSimulation"/> wrote; <paramref name="readState"/> builds the handlers on the restored clock.</summary>
    internal static void ReadSimulation(ref MessagePackReader reader, SimulationStateReader readState)
    {
        Expect(ref reader, 3, "a simulation");
        var clock = SimulationClock.ReadTime(ref reader);
        var handlers = readState(ref reader, clock);
        clock.ReadQueue(ref reader, handlers);
    }

    /// <summary>Throws when the conductor holds what a snapshot cannot carry.</summary>
    private void CheckSavable()
    {
        foreach (var name in hardwareTypes.Keys)
        {
            if (name != FakeHardware.Name)
            {
                throw new SnapshotUnsupportedException(
                    $"Hardware type {name} is registered: a plug-in driver's own state (its BMCs, links, leases) is not in a snapshot yet; only fake-hardware conductors can be saved.");
            }
        }
    }

    internal void WriteState(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(12);
        SnapshotCodec.Write(ref writer, Options);
        writer.Write(Host);
        writer.Write(seed);
        SnapshotCodec.Write(ref writer, agents);
        writer.Write(maintenancePolicy.GetType().FullName);
        SnapshotCodec.Write(ref writer, random.GetState());
        periodics.Write(ref writer);

        var driverIndex = new Dictionary<NodeDriver, int>(ReferenceEqualityComparer.Instance);
        writer.WriteArrayHeader(nodeDrivers.Count);
        foreach (var (key, driver) in nodeDrivers)
        {
            driverIndex.Add(driver, driverIndex.Count);
            writer.WriteArrayHeader(4);
            writer.Write(key.Driver);
            writer.Write(key.Deploy);
            writer.Write(key.Rescue);
            writer.Write(key.Management);
        }

        writer.WriteArrayHeader(nodes.Count);
        for (var slot = 0; slot < nodes.Count; slot++)
        {
            writer.WriteArrayHeader(4);
            if (nodes[slot] is { } node)
            {
                NodeSnapshot.Write(ref writer, node, deleted: false, driverIndex[node.Hardware]);
            }
            else
            {
                writer.WriteNil();
            }

            writer.Write((int)stateBySlot[slot]);
            machines[slot].Write(ref writer);
            tasks[slot].Write(ref writer);
        }

        WriteHistory(ref writer);

        // Format 3: the ports and portgroups, then the runbooks and inspection rules.
        NetworkSnapshot.Write(ref writer, Network);
        WriteRunbooksAndRules(ref writer);
    }

    /// <param name="reader">Where the conductor's state starts.</param>
    /// <param name="clock">The clock the state's events are on.</param>
    /// <param name="maintenancePolicy">The maintenance policy the saved conductor had.</param>
    /// <param name="format">
    /// The snapshot's format: 1 has no node history (nor its clean-up task) and no <c>disable_power_off</c>;
    /// 1 and 2 have no node details (<c>created_at</c>, <c>properties</c>, <c>traits</c>, ...), ports or portgroups,
    /// runbooks or inspection rules.
    /// </param>
    /// <param name="driverSections">The driver sections the saved options may name.</param>
    internal static Conductor ReadState(
        ref MessagePackReader reader, SimulationClock clock, IMaintenancePolicy? maintenancePolicy, int format, IEnumerable<OptionSection>? driverSections = null)
    {
        Expect(ref reader, format switch { 1 => 9, 2 => 10, _ => 12 }, "a conductor");

        var options = ReadOptions(ref reader, driverSections);
        var host = ReadText(ref reader, "the conductor's host");
        var seed = reader.ReadUInt64();
        var agents = ReadAgentBehaviour(ref reader);
        var policyName = ReadText(ref reader, "the maintenance policy");
        maintenancePolicy ??= IronicMaintenancePolicy.Instance;
        if (maintenancePolicy.GetType().FullName != policyName)
        {
            throw new ArgumentException(
                $"The conductor was saved with maintenance policy {policyName}; pass one of that type, not {maintenancePolicy.GetType().FullName}.",
                nameof(maintenancePolicy));
        }

        var conductor = new Conductor(options, clock, maintenancePolicy, seed, host, agents);
        conductor.random.Restore(ReadRandomState(ref reader));
        conductor.periodics.Read(ref reader, format);
        var drivers = new List<NodeDriver>();
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 4, "a driver");
            var request = new NodeCreateRequest
            {
                Driver = ReadText(ref reader, "a hardware type"),
                DeployInterface = ReadText(ref reader, "a deploy interface"),
                RescueInterface = ReadText(ref reader, "a rescue interface"),
                ManagementInterface = ReadText(ref reader, "a management interface"),
            };
            try
            {
                drivers.Add(conductor.DriverFor(request));
            }
            catch (IronicException error)
            {
                throw new MessagePackSerializationException($"a driver does not load: {error.Message}", error);
            }
        }

        var slots = reader.ReadArrayHeader();
        for (var slot = 0; slot < slots; slot++)
        {
            Expect(ref reader, 4, "a node slot");
            Node? node = null;
            var deleted = reader.TryReadNil();
            if (!deleted)
            {
                node = NodeSnapshot.Read(ref reader, slot, drivers, format, clock.GetUtcNow(), out _);
            }

            var state = ReadEnum<States.ProvisionState>(ref reader);
            var simulated = SimulatedMachine.Read(ref reader, slot, options.Agent.RequireTls, conductor.bootAgent);

            // A deleted node's slot keeps its machine and task; the task's node is never reached again.
            var task = new DriverTask(node ?? new Node(slot, string.Empty, null, drivers[0], default), simulated, clock, conductor.imageDownloaded, conductor.ramdiskFetched);
            task.Read(ref reader);
            conductor.nodes.Add(node);
            conductor.stateBySlot.Add(state);
            conductor.machines.Add(simulated);
            conductor.tasks.Add(task);
        }

        if (format > 1)
        {
            conductor.ReadHistory(ref reader);
        }

        conductor.RebuildIndexes();
        if (format > 2)
        {
            NetworkSnapshot.Read(ref reader, conductor.Network, conductor.byUuid.ContainsKey);
            conductor.ReadRunbooksAndRules(ref reader);
        }

        return conductor;
    }

    /// <summary>
    /// Makes every index derived from the nodes again, after a snapshot restored them: lookups
    /// by UUID and name, counts by state, the power-failed, maintenance and power-sync-failing sets. Indexes added to the conductor
    /// are rebuilt here, never saved.
    /// </summary>
    private void RebuildIndexes()
    {
        foreach (var node in nodes)
        {
            if (node is null)
            {
                continue;
            }

            if (!byUuid.TryAdd(node.Uuid, node) || (node.Name is { } name && !byName.TryAdd(name, node)))
            {
                throw new MessagePackSerializationException($"node {node.Uuid} or its name appears twice");
            }

            Index(node);
        }
    }
}
