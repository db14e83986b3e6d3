using IronicCore.Drivers;
using IronicCore.Persistence;
using IronicCore.Simulation;
using MessagePack;

namespace IronicCore;

/// <summary>
/// What a driver package added to one conductor and keeps in its snapshots, beyond the core's own
/// node, machine and task state: simulated BMCs and their faults, a network's leases and transfers
/// in flight, its random streams, its options. A package registers one with
/// <see cref="Conductor.AddDriverState"/> when it adds its hardware type or network; its
/// <see cref="Package"/> restores it on <see cref="Conductor.Load"/>. A conductor with a hardware type
/// other than fake-hardware can be saved only when a registered state lists the type in
/// <see cref="HardwareTypes"/>.
/// </summary>
/// <remarks>Used on the simulation's thread, as the conductor is.</remarks>
public abstract class DriverState
{
    /// <summary>Creates the state of <paramref name="package"/>.</summary>
    /// <param name="package">The package that restores it.</param>
    protected DriverState(DriverPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        Package = package;
    }

    /// <summary>The package that restores it.</summary>
    public DriverPackage Package { get; }

    /// <summary>
    /// The hardware types it registered and keeps the state of (their interfaces' state and the random
    /// stream of their <see cref="DriverContext"/>, which the core saves and restores). Empty by default.
    /// </summary>
    protected internal virtual IEnumerable<HardwareType> HardwareTypes => [];

    /// <summary>
    /// Its objects that later states may refer to (<see cref="DriverStateWriter.WriteReference"/>), such
    /// as a boot interface or an image transfer handed to another package's hardware type; in a fixed
    /// order, the restored state's in the same. Empty by default.
    /// </summary>
    protected internal virtual IEnumerable<object> Parts => [];

    /// <summary>
    /// Its handlers of clock events: the events they have pending are saved with the conductor's and
    /// given back to the restored state's handlers, in the same order, with their sequence numbers.
    /// Empty by default.
    /// </summary>
    protected internal virtual IEnumerable<ISimulationEventHandler> EventHandlers => [];

    /// <summary>
    /// Writes the state as one MessagePack value, in the package's own format, for
    /// <see cref="DriverPackage.Read"/>. Called between advances of the clock, never inside an event.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="context">Writes references to the parts of states registered before this one.</param>
    /// <exception cref="SnapshotUnsupportedException">The state holds what it cannot save; the snapshot is not written.</exception>
    protected internal abstract void Write(ref MessagePackWriter writer, DriverStateWriter context);

    /// <summary>
    /// Called on a restored state once the loaded conductor's nodes exist, for state that refers to
    /// them (<see cref="DriverStateReader.GetTask"/>): a transfer in flight's task, say. Does nothing by default.
    /// </summary>
    /// <param name="context">The loading conductor and its nodes' tasks.</param>
    /// <exception cref="MessagePackSerializationException">The state refers to nodes the snapshot lacks.</exception>
    protected internal virtual void NodesLoaded(DriverStateReader context)
    {
    }
}
