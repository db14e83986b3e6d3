using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Fleet;

// A conductor process in a snapshot: alive, on the ring, its life, its busy workers' nodes and
// its orphans.
internal sealed partial class ConductorHost
{
    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(5);
        writer.Write(Alive);
        writer.Write(OnRing);
        writer.Write(Generation);
        writer.WriteArrayHeader(Working.Count);
        foreach (var node in Working)
        {
            writer.Write(node);
        }

        writer.WriteArrayHeader(Orphans.Count);
        foreach (var node in Orphans)
        {
            writer.Write(node);
        }
    }

    public void Read(ref MessagePackReader reader)
    {
        Expect(ref reader, 5, "a conductor process");
        Alive = reader.ReadBoolean();
        OnRing = reader.ReadBoolean();
        Generation = reader.ReadInt64();
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Working.Enqueue(reader.ReadInt32());
        }

        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Orphans.Add(reader.ReadInt32());
        }
    }
}
