using MessagePack;

namespace IronicCore.Drivers;

// The task in a snapshot: the time its last worker took and its transfer's generation.
public sealed partial class DriverTask
{
    internal void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(2);
        writer.Write(Elapsed.Ticks);
        writer.Write(DownloadGeneration);
    }

    internal void Read(ref MessagePackReader reader)
    {
        Persistence.SnapshotCodec.Expect(ref reader, 2, "a driver task");
        Elapsed = TimeSpan.FromTicks(reader.ReadInt64());
        DownloadGeneration = reader.ReadInt64();
    }
}
