using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Drivers.Ipmi;

// A BMC in a snapshot: its node, faults, boot device, reset, command log, SEL and sensors.
public sealed partial class SimulatedBmc
{
    private const BmcFault AllFaults = BmcFault.Slow | BmcFault.WrongCredentials | BmcFault.PowerActionIgnored | BmcFault.ResetMidCommand | BmcFault.Flapping;

    internal void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(8);
        writer.Write(NodeUuid);
        writer.Write((int)Faults);
        if (BootDevice is { } device)
        {
            writer.Write((int)device);
        }
        else
        {
            writer.WriteNil();
        }

        writer.Write(BootDevicePersistent);
        writer.Write(resetUntil.UtcTicks);
        writer.WriteArrayHeader(commands?.Count ?? 0);
        foreach (var command in commands ?? Enumerable.Empty<BmcCommandRecord>())
        {
            writer.WriteArrayHeader(3);
            writer.Write(command.At.UtcTicks);
            writer.Write(command.Command);
            writer.Write(command.Answered);
        }

        writer.WriteArrayHeader(systemEventLog?.Count ?? 0);
        foreach (var entry in systemEventLog ?? Enumerable.Empty<string>())
        {
            writer.Write(entry);
        }

        writer.WriteArrayHeader(sensors?.Count ?? 0);
        foreach (var sensor in sensors?.Values ?? Enumerable.Empty<BmcSensorReading>())
        {
            writer.WriteArrayHeader(4);
            writer.Write(sensor.Name);
            writer.Write(sensor.Value);
            writer.Write(sensor.Unit);
            writer.Write((int)sensor.Status);
        }
    }

    internal static SimulatedBmc Read(ref MessagePackReader reader)
    {
        Expect(ref reader, 8, "a BMC");
        var bmc = new SimulatedBmc(ReadText(ref reader, "a BMC's node"));
        var faults = (BmcFault)reader.ReadInt32();
        if ((faults & ~AllFaults) != 0)
        {
            throw new MessagePackSerializationException($"{(int)faults} is not a set of BMC faults");
        }

        bmc.Faults = faults;
        bmc.BootDevice = reader.TryReadNil() ? null : ReadEnum<BootDevice>(ref reader);
        bmc.BootDevicePersistent = reader.ReadBoolean();
        bmc.resetUntil = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 3, "a BMC command");
            (bmc.commands ??= []).Add(new BmcCommandRecord(new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero), ReadText(ref reader, "a command"), reader.ReadBoolean()));
        }

        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            (bmc.systemEventLog ??= []).Add(ReadText(ref reader, "a SEL entry"));
        }

        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 4, "a sensor");
            var sensor = new BmcSensorReading(ReadText(ref reader, "a sensor's name"), reader.ReadDouble(), ReadText(ref reader, "a sensor's unit"), ReadEnum<BmcSensorStatus>(ref reader));
            if (!bmc.SensorTable.TryAdd(sensor.Name, sensor))
            {
                throw new MessagePackSerializationException($"sensor {sensor.Name} is given twice");
            }
        }

        return bmc;
    }
}
