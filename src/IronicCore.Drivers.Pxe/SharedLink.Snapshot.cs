using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Drivers.Pxe;

// The link in a snapshot: its random state, counters and service so far, each slot's transfer,
// and the nodes whose next download is corrupted. The queue of ends is rebuilt from the running
// transfers (its stale entries change nothing), and the pending link and verify events are the
// conductor's clock's to restore.
internal sealed partial class SharedLink
{
    private const int SlotFields = 6;

    /// <summary>The slots whose transfer's task <see cref="Bind"/> gives back once the nodes are loaded.</summary>
    private List<int>? unbound;

    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(10);
        IronicCore.Persistence.SnapshotCodec.Write(ref writer, random.GetState());
        writer.Write(updatedTicks);
        writer.Write(token);
        writer.Write(nextSince);
        writer.Write(service);
        writer.Write(ActiveDownloads);
        writer.Write(CompletedDownloads);
        writer.Write(CompletedRamdiskFetches);
        writer.WriteArrayHeader(finishAt.Count);
        for (var slot = 0; slot < finishAt.Count; slot++)
        {
            writer.WriteArrayHeader(SlotFields);
            writer.Write(finishAt[slot]);
            writer.Write(activeSince[slot]);
            writer.Write(downloads[slot] is not null);
            writer.Write(corrupted[slot]);
            writer.Write(fetchingRamdisk[slot]);
            writer.Write(generation[slot]);
        }

        var corrupt = corruptNext.Order(StringComparer.Ordinal).ToList();
        writer.WriteArrayHeader(corrupt.Count);
        foreach (var uuid in corrupt)
        {
            writer.Write(uuid);
        }
    }

    /// <summary>What <see cref="Write"/> wrote, into this new link; the transfers' tasks come with <see cref="Bind"/>.</summary>
    public void Read(ref MessagePackReader reader)
    {
        Expect(ref reader, 10, "a shared link");
        random = new(ReadRandomState(ref reader));
        updatedTicks = reader.ReadInt64();
        token = reader.ReadInt64();
        nextSince = reader.ReadInt64();
        service = reader.ReadDouble();
        ActiveDownloads = reader.ReadInt32();
        CompletedDownloads = reader.ReadInt64();
        CompletedRamdiskFetches = reader.ReadInt64();
        unbound = [];
        var slots = reader.ReadArrayHeader();
        for (var slot = 0; slot < slots; slot++)
        {
            Expect(ref reader, SlotFields, "a link slot");
            finishAt.Add(reader.ReadDouble());
            activeSince.Add(reader.ReadInt64());
            downloads.Add(null);
            if (reader.ReadBoolean())
            {
                unbound.Add(slot);
            }

            corrupted.Add(reader.ReadBoolean());
            fetchingRamdisk.Add(reader.ReadBoolean());
            generation.Add(reader.ReadInt64());
            if (activeSince[slot] >= 0)
            {
                ends.Enqueue((slot, generation[slot]), finishAt[slot]);
            }
        }

        if (ends.Count != ActiveDownloads)
        {
            throw new MessagePackSerializationException($"the link counts {ActiveDownloads} transfers, its slots hold {ends.Count}");
        }

        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            corruptNext.Add(ReadText(ref reader, "a node to corrupt the download of"));
        }
    }

    /// <summary>Gives the transfers read back their nodes' tasks, once the loaded conductor has them.</summary>
    public void Bind(Func<int, DriverTask> taskAt)
    {
        foreach (var slot in unbound ?? [])
        {
            downloads[slot] = taskAt(slot);
        }

        unbound = null;
    }
}
