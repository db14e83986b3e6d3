using IronicCore.Errors;
using IronicCore.Simulation;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Drivers.Pxe;

// The network in a conductor's snapshot: its options, its boot interface's leases and
// configurations, the link's transfers; the boot interface and the link are the parts a
// hardware type refers to, the link's events are on the conductor's clock.
public sealed partial class PxeNetwork
{
    /// <inheritdoc/>
    protected override IEnumerable<object> Parts => [boot, link];

    /// <inheritdoc/>
    protected override IEnumerable<ISimulationEventHandler> EventHandlers => [link];

    /// <inheritdoc/>
    protected override void Write(ref MessagePackWriter writer, DriverStateWriter context)
    {
        writer.WriteArrayHeader(3);
        WriteOptions(ref writer, Options);
        boot.Write(ref writer);
        link.Write(ref writer);
    }

    /// <inheritdoc/>
    protected override void NodesLoaded(DriverStateReader context) => link.Bind(context.GetTask);

    /// <summary>A network on the loading conductor, as <see cref="Write"/> wrote it.</summary>
    internal static PxeNetwork Read(ref MessagePackReader reader, DriverStateReader context)
    {
        Expect(ref reader, 3, "a PXE network");
        var network = new PxeNetwork(context.Conductor, ReadOptions(ref reader));
        network.boot.Read(ref reader);
        network.link.Read(ref reader);
        return network;
    }

    private static void WriteOptions(ref MessagePackWriter writer, PxeNetworkOptions options)
    {
        writer.WriteArrayHeader(14);
        writer.Write(options.Name);
        writer.Write(options.AddressCount);
        writer.Write(options.FirstAddress);
        IronicCore.Persistence.SnapshotCodec.Write(ref writer, options.LeaseTime);
        writer.Write(options.NextServer);
        writer.Write(options.HttpUrl);
        writer.Write(options.Ipxe);
        writer.Write(options.LinkBitsPerSecond);
        writer.Write(options.ImageSizeBytes);
        writer.Write(options.RamdiskSizeBytes);
        writer.Write(options.ChecksumAlgorithm);
        writer.Write(options.VerifyBytesPerSecond);
        writer.Write(options.CorruptionProbability);
        writer.Write(options.Seed);
    }

    private static PxeNetworkOptions ReadOptions(ref MessagePackReader reader)
    {
        Expect(ref reader, 14, "a PXE network's options");
        var options = new PxeNetworkOptions
        {
            Name = ReadText(ref reader, "the network's name"),
            AddressCount = reader.ReadInt32(),
            FirstAddress = ReadText(ref reader, "the first pool address"),
            LeaseTime = ReadSpan(ref reader),
            NextServer = ReadText(ref reader, "the next server"),
            HttpUrl = ReadText(ref reader, "the HTTP URL"),
            Ipxe = reader.ReadBoolean(),
            LinkBitsPerSecond = reader.ReadDouble(),
            ImageSizeBytes = reader.ReadInt64(),
            RamdiskSizeBytes = reader.ReadInt64(),
            ChecksumAlgorithm = ReadText(ref reader, "the checksum algorithm"),
            VerifyBytesPerSecond = reader.ReadDouble(),
            CorruptionProbability = reader.ReadDouble(),
            Seed = reader.ReadUInt64(),
        };
        try
        {
            PxeConductorExtensions.Check(options);
        }
        catch (InvalidParameterValueException error)
        {
            throw new MessagePackSerializationException($"a PXE network's options do not hold: {error.Message}", error);
        }

        return options;
    }
}
