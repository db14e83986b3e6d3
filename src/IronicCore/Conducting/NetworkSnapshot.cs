using IronicCore.Nodes;
using IronicCore.Persistence;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Conducting;

/// <summary>
/// The conductor's ports and portgroups in a snapshot (format 3 on), one block after the node
/// history: the last portgroup id given, every port, every portgroup, each in creation order with
/// every field in one fixed order. A port or portgroup of a node the snapshot lacks is corrupted.
/// </summary>
internal static class NetworkSnapshot
{
    private const int PortFields = 17;

    private const int PortgroupFields = 15;

    public static void Write(ref MessagePackWriter writer, Networking network)
    {
        writer.WriteArrayHeader(3);
        writer.Write(network.Portgroups.LastId);
        writer.WriteArrayHeader(network.Ports.All.Count);
        foreach (var port in network.Ports.All)
        {
            Write(ref writer, port);
        }

        writer.WriteArrayHeader(network.Portgroups.All.Count);
        foreach (var portgroup in network.Portgroups.All)
        {
            Write(ref writer, portgroup);
        }
    }

    /// <summary>Restores the block into <paramref name="network"/>; <paramref name="nodeExists"/> tells whether a node UUID is the snapshot's.</summary>
    public static void Read(ref MessagePackReader reader, Networking network, Func<string, bool> nodeExists)
    {
        Expect(ref reader, 3, "the ports and portgroups");
        var lastId = reader.ReadInt32();
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            network.Ports.Restore(OfKnownNode(ReadPort(ref reader), p => p.NodeUuid, p => $"port {p.Uuid}", nodeExists));
        }

        var portgroups = new List<Portgroup>();
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            portgroups.Add(OfKnownNode(ReadPortgroup(ref reader), p => p.NodeUuid, p => $"portgroup {p.Uuid}", nodeExists));
        }

        network.Portgroups.Restore(portgroups, lastId);
    }

    private static void Write(ref MessagePackWriter writer, Port port)
    {
        writer.WriteArrayHeader(PortFields);
        writer.Write(port.Uuid);
        writer.Write(port.NodeUuid);
        writer.Write(port.CreatedAt.UtcTicks);
        SnapshotCodec.Write(ref writer, port.UpdatedAt);
        writer.Write(port.Address);
        writer.Write(port.PxeEnabled);
        JsonSnapshot.Write(ref writer, port.LocalLinkConnection);
        writer.Write(port.PhysicalNetwork);
        JsonSnapshot.Write(ref writer, port.Extra);
        JsonSnapshot.Write(ref writer, port.InternalInfo);
        writer.Write(port.IsSmartnic);
        writer.Write(port.PortgroupUuid);
        writer.Write(port.Name);
        writer.Write(port.Description);
        writer.Write(port.Vendor);
        writer.Write(port.Category);
        writer.Write(port.AvailableForDynamicPortgroup);
    }

    private static Port ReadPort(ref MessagePackReader reader)
    {
        Expect(ref reader, PortFields, "a port");
        return new Port(ReadText(ref reader, "a port's uuid"), ReadText(ref reader, "a port's node"), ReadTime(ref reader))
        {
            UpdatedAt = ReadNullableTime(ref reader),
            Address = ReadText(ref reader, "a port's address"),
            PxeEnabled = reader.ReadBoolean(),
            LocalLinkConnection = JsonSnapshot.ReadObject(ref reader, "a port's local_link_connection"),
            PhysicalNetwork = reader.ReadString(),
            Extra = JsonSnapshot.ReadObject(ref reader, "a port's extra"),
            InternalInfo = JsonSnapshot.ReadObject(ref reader, "a port's internal_info"),
            IsSmartnic = reader.ReadBoolean(),
            PortgroupUuid = reader.ReadString(),
            Name = reader.ReadString(),
            Description = reader.ReadString(),
            Vendor = reader.ReadString(),
            Category = reader.ReadString(),
            AvailableForDynamicPortgroup = reader.ReadBoolean(),
        };
    }

    private static void Write(ref MessagePackWriter writer, Portgroup portgroup)
    {
        writer.WriteArrayHeader(PortgroupFields);
        writer.Write(portgroup.Id);
        writer.Write(portgroup.Uuid);
        writer.Write(portgroup.NodeUuid);
        writer.Write(portgroup.CreatedAt.UtcTicks);
        SnapshotCodec.Write(ref writer, portgroup.UpdatedAt);
        writer.Write(portgroup.Address);
        writer.Write(portgroup.Name);
        writer.Write(portgroup.Mode);
        JsonSnapshot.Write(ref writer, portgroup.Properties);
        JsonSnapshot.Write(ref writer, portgroup.Extra);
        JsonSnapshot.Write(ref writer, portgroup.InternalInfo);
        writer.Write(portgroup.StandalonePortsSupported);
        writer.Write(portgroup.PhysicalNetwork);
        writer.Write(portgroup.Category);
        writer.Write(portgroup.DynamicPortgroup);
    }

    private static Portgroup ReadPortgroup(ref MessagePackReader reader)
    {
        Expect(ref reader, PortgroupFields, "a portgroup");
        var id = reader.ReadInt32();
        return new Portgroup(id, ReadText(ref reader, "a portgroup's uuid"), ReadText(ref reader, "a portgroup's node"), ReadTime(ref reader))
        {
            UpdatedAt = ReadNullableTime(ref reader),
            Address = reader.ReadString(),
            Name = reader.ReadString(),
            Mode = ReadText(ref reader, "a portgroup's mode"),
            Properties = JsonSnapshot.ReadObject(ref reader, "a portgroup's properties"),
            Extra = JsonSnapshot.ReadObject(ref reader, "a portgroup's extra"),
            InternalInfo = JsonSnapshot.ReadObject(ref reader, "a portgroup's internal_info"),
            StandalonePortsSupported = reader.ReadBoolean(),
            PhysicalNetwork = reader.ReadString(),
            Category = reader.ReadString(),
            DynamicPortgroup = reader.ReadBoolean(),
        };
    }

    private static T OfKnownNode<T>(T item, Func<T, string> node, Func<T, string> describe, Func<string, bool> nodeExists) =>
        nodeExists(node(item)) ? item : throw new MessagePackSerializationException($"{describe(item)} belongs to node {node(item)}, which the snapshot does not have");
}
