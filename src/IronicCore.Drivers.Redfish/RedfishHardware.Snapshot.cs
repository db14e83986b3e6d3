using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Drivers.Redfish;

// The hardware type in a conductor's snapshot (then its BIOS and, 2025.1 on, firmware interfaces' state): how its BMCs take their time, the network boot
// interface and image transfer it was given (parts of a driver state saved before it), and every
// system made so far with its node's slot, its BMC's address and its state. Sessions and parsed
// driver_info are caches, rebuilt on first use; the systems come back once the nodes exist.
public sealed partial class RedfishHardware
{
    private List<(int Slot, RedfishSystemState State)>? restoring;

    /// <inheritdoc/>
    protected override IEnumerable<HardwareType> HardwareTypes => [Type];

    /// <inheritdoc/>
    protected override IEnumerable<Simulation.ISimulationEventHandler> EventHandlers => Firmware is { } firmware ? [Bios, firmware] : [Bios];

    /// <summary>The type's firmware interface (2025.1 and master), whose updates, tasks and polls a snapshot keeps too.</summary>
    private RedfishFirmwareInterface? Firmware => Type.Firmware as RedfishFirmwareInterface;

    /// <summary>The type's BIOS interface, whose flags and polls a snapshot keeps too.</summary>
    private RedfishBiosInterface Bios => (RedfishBiosInterface)Type.Bios!;

    /// <inheritdoc/>
    protected override void Write(ref MessagePackWriter writer, DriverStateWriter context)
    {
        writer.WriteArrayHeader(Firmware is null ? 5 : 6);
        writer.WriteArrayHeader(3);
        writer.Write(Behaviour.Timed);
        IronicCore.Persistence.SnapshotCodec.Write(ref writer, Behaviour.RequestLatency);
        IronicCore.Persistence.SnapshotCodec.Write(ref writer, Behaviour.ConnectTimeout);
        context.WriteReference(ref writer, ((RedfishVirtualMediaBoot)Type.Boot).Network);
        context.WriteReference(ref writer, Type.ImageTransfer);
        var systems = client.Systems;
        writer.WriteArrayHeader(systems.Count);
        foreach (var (slot, system) in systems)
        {
            writer.WriteArrayHeader(2);
            writer.Write(slot);
            RedfishSystemState.Of(system).Write(ref writer);
        }

        Bios.Write(ref writer);
        Firmware?.Write(ref writer);
    }

    /// <summary>The type registered again on the loading conductor, as <see cref="Write"/> wrote it.</summary>
    internal static RedfishHardware Read(ref MessagePackReader reader, DriverStateReader context)
    {
        // Four fields before the BIOS interface's flags were kept, five before the firmware interface's (21.4 has none).
        var fields = reader.ReadArrayHeader();
        if (fields is not (4 or 5 or 6))
        {
            throw new MessagePackSerializationException($"a redfish hardware type has {fields} fields, not 4, 5 or 6");
        }

        Expect(ref reader, 3, "the Redfish BMCs' behaviour");
        var behaviour = new RedfishBehaviour { Timed = reader.ReadBoolean(), RequestLatency = ReadSpan(ref reader), ConnectTimeout = ReadSpan(ref reader) };
        var network = context.ReadReference<IBootInterface>(ref reader);
        var imageTransfer = context.ReadReference<IImageTransfer>(ref reader);
        RedfishHardware hardware;
        try
        {
            hardware = RedfishConductorExtensions.Register(context.Conductor, network, imageTransfer, behaviour);
        }
        catch (ArgumentException error)
        {
            throw new MessagePackSerializationException($"the redfish hardware type does not register: {error.Message}", error);
        }

        hardware.restoring = [];
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 2, "a Redfish system");
            hardware.restoring.Add((reader.ReadInt32(), RedfishSystemState.Read(ref reader)));
        }

        if (fields >= 5)
        {
            hardware.Bios.Read(ref reader);
        }

        if (fields == 6)
        {
            (hardware.Firmware ?? throw new MessagePackSerializationException("a 21.4 redfish hardware type has no firmware interface to restore")).Read(ref reader);
        }

        return hardware;
    }

    /// <inheritdoc/>
    protected override void NodesLoaded(DriverStateReader context)
    {
        foreach (var (slot, state) in restoring ?? [])
        {
            try
            {
                state.ApplyTo(client.Restore(context.GetTask(slot), state.Address, state.Id));
            }
            catch (ArgumentException error)
            {
                throw new MessagePackSerializationException($"the Redfish system of slot {slot} does not restore: {error.Message}", error);
            }
        }

        restoring = null;
        Bios.NodesLoaded(context);
        Firmware?.NodesLoaded(context);
    }
}
