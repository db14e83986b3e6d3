using System.Buffers;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Maintenance;
using IronicCore.Persistence;
using IronicCore.Simulation;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore;

// Saving a conductor with its clock, and loading it back, alone or inside a simulation built
// around it (the state itself: Conducting/ConductorSnapshot).
public sealed partial class Conductor
{
    /// <summary>
    /// Writes a snapshot of the conductor and its <see cref="Clock"/> to <paramref name="stream"/>
    /// (format: docs/persistence.md). <see cref="Load"/> in any process resumes it exactly: the
    /// same events in the same order, the same random draws. Subscriptions are not saved.
    /// </summary>
    /// <param name="stream">Where to write; written at its current position.</param>
    /// <exception cref="SnapshotUnsupportedException">
    /// A hardware type other than fake-hardware is registered that no driver state keeps
    /// (<see cref="AddDriverState"/>), a driver state holds what it cannot save, or a timer made with
    /// the clock's <c>CreateTimer</c> is pending. Nothing was written.
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
    /// <param name="drivers">
    /// The driver packages whose states the snapshot may hold (<see cref="DriverState"/>: code is not
    /// saved, their state is): each restores its own, registering its hardware types again, and its
    /// <see cref="DriverPackage.OptionSections"/> join <paramref name="driverSections"/>. Null for none:
    /// then only a conductor saved without driver states loads.
    /// </param>
    /// <returns>The conductor; its clock is <see cref="Clock"/>, its restored driver states <see cref="DriverStates"/>.</returns>
    /// <exception cref="PersistenceFormatException">
    /// Not a conductor snapshot, a newer format, truncated or corrupted, its options name a driver
    /// section not given, or it holds the state of a driver package not in <paramref name="drivers"/>
    /// (<see cref="PersistenceFormatError.MissingDriver"/>, naming it).
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="maintenancePolicy"/> is not of the type the conductor was saved with, or two of
    /// <paramref name="drivers"/> have one name.
    /// </exception>
    public static Conductor Load(
        Stream stream, IMaintenancePolicy? maintenancePolicy = null, IEnumerable<OptionSection>? driverSections = null, IEnumerable<DriverPackage>? drivers = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var given = DriverStateTable.Given(drivers);
        var source = SnapshotReading.SourceOf(stream);
        var (body, format) = SnapshotFile.Read(stream, SnapshotKind.Conductor, source);
        return SnapshotReading.Decode(body, source, (ref MessagePackReader reader) =>
        {
            Conductor? conductor = null;
            ReadSimulation(ref reader, (ref MessagePackReader r, SimulationClock clock) =>
            {
                conductor = ReadState(ref r, clock, maintenancePolicy, format, driverSections, given);
                return [conductor];
            });
            return conductor!;
        });
    }

    /// <summary>
    /// Writes a simulation built around this conductor on its <see cref="Clock"/>: the clock's
    /// time, the state <paramref name="writeState"/> writes (the owner's, with this conductor's
    /// <see cref="WriteEmbeddedState"/> inside it), then every pending event of both (format:
    /// docs/persistence.md). Frame it with <see cref="SnapshotFile.Write"/>;
    /// <see cref="ReadSnapshot"/> reads it back. The queue is checked before anything is written. The
    /// events of the conductor's driver states are saved too, numbered after the owner's.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="owner">The simulation whose events share the clock; its events are saved with the conductor's.</param>
    /// <param name="writeState">Writes the simulation's state as one MessagePack value, calling <see cref="WriteEmbeddedState"/> for the conductor's.</param>
    /// <exception cref="SnapshotUnsupportedException">The conductor or its clock holds what a snapshot cannot carry (see <see cref="Save"/>).</exception>
    /// <exception cref="InvalidOperationException">Called from inside an event.</exception>
    public void WriteSnapshot(ref MessagePackWriter writer, ISimulationEventHandler owner, SnapshotWriter writeState)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(writeState);
        WriteSimulation(ref writer, [this, owner], writeState);
    }

    /// <summary>
    /// Writes the conductor's own state, without its clock's time and events, inside the state of
    /// a simulation built around it (<see cref="WriteSnapshot"/>): the options, every node and
    /// machine, the periodic tasks, the random state, the node history, the ports and portgroups,
    /// the runbooks and the inspection rules.
    /// </summary>
    /// <param name="writer">Where to write; one MessagePack value.</param>
    public void WriteEmbeddedState(ref MessagePackWriter writer) => WriteState(ref writer);

    /// <summary>Reads what <see cref="WriteEmbeddedState"/> wrote: a new conductor on <paramref name="clock"/> (<see cref="ReadSnapshot"/>'s).</summary>
    /// <param name="reader">Where the conductor's state starts.</param>
    /// <param name="clock">The restored clock the conductor's events are on.</param>
    /// <param name="maintenancePolicy">The maintenance policy the saved conductor had; null for Ironic's own.</param>
    /// <param name="format">The snapshot file's format, as <see cref="SnapshotFile.Read"/> gives it.</param>
    /// <param name="drivers">The driver packages whose states the conductor may hold, as for <see cref="Load"/>; null for none.</param>
    /// <returns>The conductor.</returns>
    /// <exception cref="MessagePackSerializationException">The content is not a conductor's state.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="maintenancePolicy"/> is not of the type the conductor was saved with, or two of
    /// <paramref name="drivers"/> have one name.
    /// </exception>
    /// <remarks>
    /// A conductor holding the state of a driver package not in <paramref name="drivers"/> is refused;
    /// <see cref="SnapshotFile.Read{T}"/> reports it as <see cref="PersistenceFormatError.MissingDriver"/>.
    /// </remarks>
    public static Conductor ReadEmbeddedState(
        ref MessagePackReader reader, SimulationClock clock, IMaintenancePolicy? maintenancePolicy, int format, IEnumerable<DriverPackage>? drivers = null) =>
        ReadState(ref reader, clock, maintenancePolicy, format, null, DriverStateTable.Given(drivers));

    /// <summary>
    /// Reads what <see cref="WriteSnapshot"/> wrote: <paramref name="readState"/> reads the state
    /// on a new clock, making the conductor (with <see cref="ReadEmbeddedState"/>) and its owner; then
    /// the pending events go back to both.
    /// </summary>
    /// <typeparam name="T">The owner's type.</typeparam>
    /// <param name="reader">Where the snapshot's content starts.</param>
    /// <param name="readState">Reads the state and makes the conductor and the owner on the clock it is given.</param>
    /// <returns>The owner.</returns>
    /// <exception cref="MessagePackSerializationException">The content is not such a snapshot.</exception>
    public static T ReadSnapshot<T>(ref MessagePackReader reader, EmbeddedSnapshotReader<T> readState)
        where T : class, ISimulationEventHandler
    {
        ArgumentNullException.ThrowIfNull(readState);
        T? owner = null;
        ReadSimulation(ref reader, (ref MessagePackReader r, SimulationClock clock) =>
        {
            var (conductor, made) = readState(ref r, clock);
            owner = made;
            return [conductor, made];
        });
        return owner!;
    }

    /// <summary>
    /// The frame every simulation snapshot shares: the clock's time, the state <paramref name="writeState"/>
    /// writes, then the queue (its handlers, by index into <paramref name="handlers"/> followed by the
    /// driver states' handlers). The queue is checked before anything is written.
    /// </summary>
    internal void WriteSimulation(ref MessagePackWriter writer, IReadOnlyList<ISimulationEventHandler> handlers, SnapshotWriter writeState)
    {
        if (Clock.IsRunning)
        {
            throw new InvalidOperationException("A snapshot cannot be taken from inside an event: save between advances of the clock.");
        }

        ConductorSnapshot.CheckSavable(context, driverStates.Keeps);
        handlers = WithDriverHandlers(handlers);
        var events = ClockSnapshot.QueuedFor(Clock, handlers);
        writer.WriteArrayHeader(3);
        ClockSnapshot.WriteTime(Clock, ref writer);
        writeState(ref writer);
        ClockSnapshot.WriteQueue(Clock, ref writer, events, handlers);
    }

    /// <summary>Reads the frame <see cref="WriteSimulation"/> wrote; <paramref name="readState"/> builds the handlers on the restored clock.</summary>
    internal static void ReadSimulation(ref MessagePackReader reader, SimulationStateReader readState)
    {
        Expect(ref reader, 3, "a simulation");
        var clock = ClockSnapshot.ReadTime(ref reader);
        var handlers = readState(ref reader, clock);
        ClockSnapshot.ReadQueue(clock, ref reader, ((Conductor)handlers[0]).WithDriverHandlers(handlers));
    }

    /// <summary>The simulation's handlers (this conductor first), then its driver states' handlers.</summary>
    private IReadOnlyList<ISimulationEventHandler> WithDriverHandlers(IReadOnlyList<ISimulationEventHandler> handlers) =>
        driverStates.Count == 0 ? handlers : [.. handlers, .. driverStates.EventHandlers];

    /// <summary>Writes the conductor's state (without its clock): format 3's twelve fields, a thirteenth with driver states.</summary>
    internal void WriteState(ref MessagePackWriter writer) =>
        ConductorSnapshot.Write(context, ref writer, driverStates.Count == 0 ? null : (ref MessagePackWriter w) => driverStates.Write(ref w, context.Drivers));

    /// <summary>A conductor on <paramref name="clock"/> from the state <see cref="WriteState"/> wrote in snapshot format <paramref name="format"/>.</summary>
    /// <exception cref="SnapshotDependencyException">It holds the state of a driver package not in <paramref name="drivers"/>.</exception>
    internal static Conductor ReadState(
        ref MessagePackReader reader,
        SimulationClock clock,
        IMaintenancePolicy? maintenancePolicy,
        int format,
        IEnumerable<OptionSection>? driverSections,
        IReadOnlyDictionary<string, DriverPackage> drivers)
    {
        // A missing package is named before its options or hardware types could fail to load.
        var peek = reader.CreatePeekReader();
        if (ConductorSnapshot.SkipToDriverStates(ref peek, format))
        {
            DriverStateTable.CheckGiven(ref peek, drivers);
        }

        var saved = ConductorSnapshot.ReadSettings(ref reader, maintenancePolicy, format, DriverStateTable.Sections(driverSections, drivers));
        var conductor = new Conductor(saved.Options, clock, saved.Policy, saved.Seed, saved.Host, saved.Agents);
        ConductorSnapshot.ReadState(
            conductor.context,
            ref reader,
            format,
            saved.HasDriverStates ? (ref MessagePackReader r) => conductor.driverStates.Read(ref r, conductor, drivers, conductor.context.Drivers, conductor.context.Nodes) : null);
        return conductor;
    }
}
