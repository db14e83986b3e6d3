using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Drivers.Ipmi;

// ipmitool in a snapshot: every BMC made so far, in the order made, and when each BMC address
// last got a command (the spacing of the next). What it parsed from driver_info and which BMC a
// slot has are caches, rebuilt on first use.
internal sealed partial class Ipmitool
{
    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(2);
        writer.WriteArrayHeader(byUuid.Count);
        foreach (var bmc in byUuid.Values)
        {
            bmc.Write(ref writer);
        }

        writer.WriteMapHeader(commandedAddresses.Count);
        foreach (var address in commandedAddresses)
        {
            writer.Write(addresses[address]);
            writer.Write(lastCommandTicks[address]);
        }
    }

    /// <summary>What <see cref="Write"/> wrote, into this new ipmitool.</summary>
    public void Read(ref MessagePackReader reader)
    {
        Expect(ref reader, 2, "ipmitool");
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            var bmc = SimulatedBmc.Read(ref reader);
            if (!byUuid.TryAdd(bmc.NodeUuid, bmc))
            {
                throw new MessagePackSerializationException($"node {bmc.NodeUuid} has two BMCs");
            }
        }

        for (var count = reader.ReadMapHeader(); count > 0; count--)
        {
            var address = ReadText(ref reader, "a BMC address");
            var number = AddressNumber(address);
            if (lastCommandTicks[number] != NoCommand)
            {
                throw new MessagePackSerializationException($"BMC address {address} is given twice");
            }

            lastCommandTicks[number] = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero).UtcTicks;
            commandedAddresses.Add(number);
        }
    }
}
