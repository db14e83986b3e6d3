using IronicCore.Persistence;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Nodes;

/// <summary>
/// A node's details in a snapshot (format 3 on): nil for a node that never had one set, else
/// every field in one fixed order (a field added to <see cref="NodeDetails"/> goes at the end,
/// with a format version bump).
/// </summary>
internal static class NodeDetailsCodec
{
    private const int Fields = 16;

    public static void Write(ref MessagePackWriter writer, NodeDetails details)
    {
        if (ReferenceEquals(details, NodeDetails.Empty))
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(Fields);
        JsonSnapshot.Write(ref writer, details.Properties);
        JsonSnapshot.Write(ref writer, details.Extra);
        JsonSnapshot.Write(ref writer, details.InstanceInfo);
        JsonSnapshot.Write(ref writer, details.NetworkData);
        writer.Write(details.ChassisUuid);
        writer.Write(details.Description);
        writer.Write(details.Owner);
        writer.Write(details.Lessee);
        writer.Write(details.ResourceClass);
        writer.Write(details.Shard);
        writer.Write(details.ParentNode);
        writer.Write(details.InstanceName);
        writer.Write(details.ConsoleEnabled);
        SnapshotCodec.Write(ref writer, details.UpdatedAt);
        SnapshotCodec.Write(ref writer, details.InspectionFinishedAt);
        JsonSnapshot.Write(ref writer, details.Traits);
    }

    public static NodeDetails Read(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return NodeDetails.Empty;
        }

        Expect(ref reader, Fields, "a node's details");
        return new NodeDetails
        {
            Properties = JsonSnapshot.ReadObject(ref reader, "a node's properties"),
            Extra = JsonSnapshot.ReadObject(ref reader, "a node's extra"),
            InstanceInfo = JsonSnapshot.ReadObject(ref reader, "a node's instance_info"),
            NetworkData = JsonSnapshot.ReadObject(ref reader, "a node's network_data"),
            ChassisUuid = reader.ReadString(),
            Description = reader.ReadString(),
            Owner = reader.ReadString(),
            Lessee = reader.ReadString(),
            ResourceClass = reader.ReadString(),
            Shard = reader.ReadString(),
            ParentNode = reader.ReadString(),
            InstanceName = reader.ReadString(),
            ConsoleEnabled = reader.ReadBoolean(),
            UpdatedAt = ReadNullableTime(ref reader),
            InspectionFinishedAt = ReadNullableTime(ref reader),
            Traits = JsonSnapshot.ReadSet(ref reader, "a trait"),
        };
    }
}
