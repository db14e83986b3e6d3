using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Drivers.Ipmi;

// The hardware type in a conductor's snapshot: how its BMCs take their time, the boot interface
// and image transfer it was given (parts of a driver state saved before it), and ipmitool's
// state with every BMC. The type's random stream is the core's to save.
public sealed partial class IpmiHardware
{
    /// <inheritdoc/>
    protected override IEnumerable<HardwareType> HardwareTypes => [Type];

    /// <inheritdoc/>
    protected override void Write(ref MessagePackWriter writer, DriverStateWriter context)
    {
        writer.WriteArrayHeader(4);
        WriteBehaviour(ref writer, Behaviour);
        context.WriteReference(ref writer, Type.Boot);
        context.WriteReference(ref writer, Type.ImageTransfer);
        ipmitool.Write(ref writer);
    }

    /// <summary>The type registered again on the loading conductor, as <see cref="Write"/> wrote it.</summary>
    internal static IpmiHardware Read(ref MessagePackReader reader, DriverStateReader context)
    {
        Expect(ref reader, 4, "an ipmi hardware type");
        var behaviour = ReadBehaviour(ref reader);
        var boot = context.ReadReference<IBootInterface>(ref reader) ?? throw new MessagePackSerializationException("the ipmi hardware type's boot interface is missing");
        var imageTransfer = context.ReadReference<IImageTransfer>(ref reader);
        IpmiHardware hardware;
        try
        {
            hardware = IpmiConductorExtensions.Register(context.Conductor, boot, imageTransfer, behaviour);
        }
        catch (ArgumentException error)
        {
            throw new MessagePackSerializationException($"the ipmi hardware type does not register: {error.Message}", error);
        }

        hardware.ipmitool.Read(ref reader);
        return hardware;
    }

    private static void WriteBehaviour(ref MessagePackWriter writer, BmcBehaviour behaviour)
    {
        writer.WriteArrayHeader(8);
        writer.Write(behaviour.Timed);
        IronicCore.Persistence.SnapshotCodec.Write(ref writer, behaviour.CommandLatency);
        IronicCore.Persistence.SnapshotCodec.Write(ref writer, behaviour.CommandJitter);
        IronicCore.Persistence.SnapshotCodec.Write(ref writer, behaviour.SessionTimeout);
        IronicCore.Persistence.SnapshotCodec.Write(ref writer, behaviour.SlowLatency);
        IronicCore.Persistence.SnapshotCodec.Write(ref writer, behaviour.ResetDuration);
        IronicCore.Persistence.SnapshotCodec.Write(ref writer, behaviour.FlapPeriod);
        writer.Write(behaviour.RecordCommands);
    }

    private static BmcBehaviour ReadBehaviour(ref MessagePackReader reader)
    {
        Expect(ref reader, 8, "the BMCs' behaviour");
        return new BmcBehaviour
        {
            Timed = reader.ReadBoolean(),
            CommandLatency = ReadSpan(ref reader),
            CommandJitter = ReadSpan(ref reader),
            SessionTimeout = ReadSpan(ref reader),
            SlowLatency = ReadSpan(ref reader),
            ResetDuration = ReadSpan(ref reader),
            FlapPeriod = ReadSpan(ref reader),
            RecordCommands = reader.ReadBoolean(),
        };
    }
}
