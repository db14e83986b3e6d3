using IronicCore.Nodes;
using IronicCore.States;
using MessagePack;
using IronicCore.Persistence;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Conducting;

// Node history in a snapshot (format 2): the entries recorded so far, and each node's entries by slot.
internal sealed partial class NodeHistory
{
    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(2);
        writer.Write(historyRecorded);
        writer.WriteArrayHeader(history.Count);
        foreach (var (slot, events) in history.OrderBy(h => h.Key))
        {
            writer.WriteArrayHeader(2);
            writer.Write(slot);
            writer.WriteArrayHeader(events.Count);
            foreach (var entry in events)
            {
                writer.WriteArrayHeader(10);
                writer.Write(entry.Id);
                writer.Write(UuidText(entry));
                SnapshotCodec.Write(ref writer, entry.CreatedAt);
                writer.Write(texts[entry.Conductor]);
                writer.Write(entry.Error);
                writer.Write(texts[entry.EventType]);
                writer.Write(texts[entry.Event]);
                writer.Write((int)entry.State);
                WriteEnum(ref writer, entry.TargetProvisionState);
                SnapshotCodec.Write(ref writer, entry.DurationSeconds);
            }
        }
    }

    /// <summary>Reads the history written by <see cref="Write"/>, for the nodes already restored.</summary>
    public void Read(ref MessagePackReader reader)
    {
        Expect(ref reader, 2, "the node history");
        historyRecorded = reader.ReadInt64();

        // The file holds each text again for every entry: one string object per text, so that each
        // is numbered once (NumberOf numbers string objects).
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        string Once(string text) => read.TryAdd(text, text) ? text : read[text];
        for (var nodes = reader.ReadArrayHeader(); nodes > 0; nodes--)
        {
            Expect(ref reader, 2, "a node's history");
            var slot = reader.ReadInt32();
            var events = new List<NodeHistoryRecord>();
            for (var count = reader.ReadArrayHeader(); count > 0; count--)
            {
                Expect(ref reader, 10, "a history entry");
                var id = reader.ReadInt64();
                var uuid = ReadText(ref reader, "a history entry's uuid");
                events.Add(new NodeHistoryRecord(
                    id,
                    ReadTime(ref reader).UtcTicks,
                    uuid == UuidOf(id) ? -1 : NumberOf(uuid),
                    NumberOf(Once(ReadText(ref reader, "a history entry's conductor"))),
                    error: reader.ReadBoolean(),
                    eventType: NumberOf(Once(ReadText(ref reader, "a history entry's type"))),
                    @event: NumberOf(Once(ReadText(ref reader, "a history entry's event"))),
                    state: ReadEnum<ProvisionState>(ref reader),
                    targetProvisionState: ReadNullableEnum<ProvisionState>(ref reader),
                    durationSeconds: ReadNullableInt(ref reader)));
            }

            if (slot < 0 || slot >= context.Nodes.Count || context.Nodes[slot] is null || events.Count == 0 || !history.TryAdd(slot, events))
            {
                throw new MessagePackSerializationException($"the history of node slot {slot} does not fit the nodes");
            }
        }
    }
}
