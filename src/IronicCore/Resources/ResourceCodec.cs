using System.Collections.Immutable;
using IronicCore.Persistence;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Resources;

/// <summary>
/// The chassis and allocation tables in a snapshot (format 5): each table's random stream and last
/// database id, then its rows in creation order. JSON values (<c>extra</c>) are their text.
/// </summary>
internal static class ResourceCodec
{
    public static void Write(ref MessagePackWriter writer, ChassisTable table)
    {
        writer.WriteArrayHeader(3);
        SnapshotCodec.Write(ref writer, table.Uuids.GetState());
        writer.Write(table.LastId);
        writer.WriteArrayHeader(table.All.Count);
        foreach (var chassis in table.All)
        {
            writer.WriteArrayHeader(6);
            writer.Write(chassis.Id);
            writer.Write(chassis.Uuid);
            SnapshotCodec.Write(ref writer, chassis.CreatedAt);
            SnapshotCodec.Write(ref writer, chassis.UpdatedAt);
            writer.Write(chassis.Description);
            JsonSnapshot.Write(ref writer, chassis.Extra);
        }
    }

    public static void Read(ref MessagePackReader reader, ChassisTable table)
    {
        Expect(ref reader, 3, "the chassis");
        table.Uuids.Restore(ReadRandomState(ref reader));
        table.LastId = reader.ReadInt32();
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 6, "a chassis");
            var id = reader.ReadInt32();
            table.Restore(new Chassis(id, ReadText(ref reader, "a chassis's UUID"), ReadTime(ref reader))
            {
                UpdatedAt = ReadNullableTime(ref reader),
                Description = reader.ReadString(),
                Extra = JsonSnapshot.ReadObject(ref reader, "a chassis's extra"),
            });
        }
    }

    public static void Write(ref MessagePackWriter writer, AllocationTable table)
    {
        writer.WriteArrayHeader(3);
        SnapshotCodec.Write(ref writer, table.Random.GetState());
        writer.Write(table.LastId);
        writer.WriteArrayHeader(table.All.Count);
        foreach (var allocation in table.All)
        {
            writer.WriteArrayHeader(13);
            writer.Write(allocation.Id);
            writer.Write(allocation.Uuid);
            SnapshotCodec.Write(ref writer, allocation.CreatedAt);
            SnapshotCodec.Write(ref writer, allocation.UpdatedAt);
            writer.Write(allocation.Name);
            writer.Write(allocation.NodeUuid);
            writer.Write((int)allocation.State);
            writer.Write(allocation.LastError);
            writer.Write(allocation.ResourceClass);
            WriteList(ref writer, allocation.Traits);
            WriteList(ref writer, allocation.CandidateNodes);
            JsonSnapshot.Write(ref writer, allocation.Extra);
            writer.Write(allocation.Owner);
        }
    }

    public static void Read(ref MessagePackReader reader, AllocationTable table)
    {
        Expect(ref reader, 3, "the allocations");
        table.Random.Restore(ReadRandomState(ref reader));
        table.LastId = reader.ReadInt32();
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 13, "an allocation");
            var id = reader.ReadInt32();
            table.Restore(new Allocation(id, ReadText(ref reader, "an allocation's UUID"), ReadTime(ref reader))
            {
                UpdatedAt = ReadNullableTime(ref reader),
                Name = reader.ReadString(),
                NodeUuid = reader.ReadString(),
                State = ReadEnum<AllocationState>(ref reader),
                LastError = reader.ReadString(),
                ResourceClass = reader.ReadString(),
                Traits = ReadList(ref reader, "an allocation's trait"),
                CandidateNodes = ReadList(ref reader, "an allocation's candidate node"),
                Extra = JsonSnapshot.ReadObject(ref reader, "an allocation's extra"),
                Owner = reader.ReadString(),
            });
        }
    }

    private static void WriteList(ref MessagePackWriter writer, ImmutableArray<string> values)
    {
        writer.WriteArrayHeader(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static ImmutableArray<string> ReadList(ref MessagePackReader reader, string what)
    {
        var values = ImmutableArray.CreateBuilder<string>(reader.ReadArrayHeader());
        for (var i = 0; i < values.Capacity; i++)
        {
            values.Add(ReadText(ref reader, what));
        }

        return values.MoveToImmutable();
    }
}
