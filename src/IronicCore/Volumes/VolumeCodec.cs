using IronicCore.Persistence;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Volumes;

/// <summary>
/// The volume connectors and targets in a snapshot (format 6): the UUID stream, then the connectors
/// and the targets, each in creation order. JSON values (<c>extra</c>, <c>properties</c>) are their text.
/// </summary>
internal static class VolumeCodec
{
    public static void Write(ref MessagePackWriter writer, VolumeTable table)
    {
        writer.WriteArrayHeader(3);
        SnapshotCodec.Write(ref writer, table.Uuids.GetState());
        writer.WriteArrayHeader(table.Connectors.Count);
        foreach (var connector in table.Connectors)
        {
            writer.WriteArrayHeader(7);
            writer.Write(connector.Uuid);
            SnapshotCodec.Write(ref writer, connector.CreatedAt);
            SnapshotCodec.Write(ref writer, connector.UpdatedAt);
            writer.Write(connector.NodeUuid);
            writer.Write(connector.Type);
            writer.Write(connector.ConnectorId);
            JsonSnapshot.Write(ref writer, connector.Extra);
        }

        writer.WriteArrayHeader(table.Targets.Count);
        foreach (var target in table.Targets)
        {
            writer.WriteArrayHeader(9);
            writer.Write(target.Uuid);
            SnapshotCodec.Write(ref writer, target.CreatedAt);
            SnapshotCodec.Write(ref writer, target.UpdatedAt);
            writer.Write(target.NodeUuid);
            writer.Write(target.VolumeType);
            writer.Write(target.VolumeId);
            writer.Write(target.BootIndex);
            JsonSnapshot.Write(ref writer, target.Properties);
            JsonSnapshot.Write(ref writer, target.Extra);
        }
    }

    public static void Read(ref MessagePackReader reader, VolumeTable table)
    {
        Expect(ref reader, 3, "the volume connectors and targets");
        table.Uuids.Restore(ReadRandomState(ref reader));
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 7, "a volume connector");
            table.Restore(new VolumeConnector(ReadText(ref reader, "a volume connector's UUID"), ReadTime(ref reader))
            {
                UpdatedAt = ReadNullableTime(ref reader),
                NodeUuid = ReadText(ref reader, "a volume connector's node"),
                Type = ReadText(ref reader, "a volume connector's type"),
                ConnectorId = ReadText(ref reader, "a volume connector's connector ID"),
                Extra = JsonSnapshot.ReadObject(ref reader, "a volume connector's extra"),
            });
        }

        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 9, "a volume target");
            table.Restore(new VolumeTarget(ReadText(ref reader, "a volume target's UUID"), ReadTime(ref reader))
            {
                UpdatedAt = ReadNullableTime(ref reader),
                NodeUuid = ReadText(ref reader, "a volume target's node"),
                VolumeType = ReadText(ref reader, "a volume target's type"),
                VolumeId = ReadText(ref reader, "a volume target's volume ID"),
                BootIndex = reader.ReadInt32(),
                Properties = JsonSnapshot.ReadObject(ref reader, "a volume target's properties"),
                Extra = JsonSnapshot.ReadObject(ref reader, "a volume target's extra"),
            });
        }
    }
}
