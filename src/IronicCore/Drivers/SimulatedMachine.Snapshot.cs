using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Drivers;

// The machine in a snapshot: its BMC's reachability, real power, boot device, and its agent.
public sealed partial class SimulatedMachine
{
    internal void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(5);
        writer.Write(Reachable);
        WriteEnum(ref writer, power);
        WriteEnum(ref writer, BootDevice);
        writer.Write(Tracked);
        Agent.Write(ref writer);
    }

    internal static SimulatedMachine Read(ref MessagePackReader reader, int index, bool tls, MachineHost host)
    {
        Expect(ref reader, 5, "a machine");
        var reachable = reader.ReadBoolean();
        var power = ReadNullableEnum<States.PowerState>(ref reader);
        var bootDevice = ReadNullableEnum<BootDevice>(ref reader);
        var tracked = reader.ReadBoolean();
        return new SimulatedMachine(index, power, IronicCore.Agent.SimulatedAgent.Read(ref reader, index, tls), host, tracked)
        {
            reachable = reachable,
            BootDevice = bootDevice,
        };
    }
}
