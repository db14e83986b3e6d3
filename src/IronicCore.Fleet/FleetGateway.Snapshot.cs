using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Fleet;

// The gateway in a snapshot: its refusal counts and each conductor process; the hash ring is
// rebuilt from who is on it.
internal sealed partial class FleetGateway
{
    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(3);
        writer.Write(NoFreeWorkerRefusals);
        writer.Write(ConcurrentActionLimitRefusals);
        writer.WriteArrayHeader(Hosts.Length);
        foreach (var host in Hosts)
        {
            host.Write(ref writer);
        }
    }

    public void Read(ref MessagePackReader reader)
    {
        Expect(ref reader, 3, "the fleet's gateway");
        NoFreeWorkerRefusals = reader.ReadInt32();
        ConcurrentActionLimitRefusals = reader.ReadInt32();
        Expect(ref reader, Hosts.Length, "the conductor processes");
        foreach (var host in Hosts)
        {
            host.Read(ref reader);
        }

        ring = BuildRing();
    }
}
