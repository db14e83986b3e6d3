using System.Collections.Immutable;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Drivers.Redfish;

// The BIOS interface in a snapshot: the instant its poll counts its spacings from, and each node's
// flags (Ironic's driver_internal_info of a step waiting for its reboot) with the requested
// attributes; the node's task is found again by its slot once the nodes exist. Its pending polls are
// the hardware type's event handler's, which the core saves.
internal sealed partial class RedfishBiosInterface
{
    private List<(int Slot, Flags State)>? restoring;

    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(2);
        writer.Write(periodicStart.UtcTicks);
        var count = flags.Count(f => f is not null);
        writer.WriteArrayHeader(count);
        for (var slot = 0; slot < flags.Count; slot++)
        {
            if (flags[slot] is not { } state)
            {
                continue;
            }

            writer.WriteArrayHeader(6);
            writer.Write(slot);
            writer.Write(state.ResetFlag);
            writer.Write(state.ConfigFlag);
            writer.Write(state.Polling);
            writer.Write(state.Generation);
            if (state.Requested is not { } requested)
            {
                writer.WriteNil();
                continue;
            }

            writer.WriteMapHeader(requested.Count);
            foreach (var (name, value) in requested)
            {
                writer.Write(name);
                switch (value)
                {
                    case bool b:
                        writer.Write(b);
                        break;
                    case long l:
                        writer.Write(l);
                        break;
                    default:
                        writer.Write((string)value);
                        break;
                }
            }
        }
    }

    /// <exception cref="MessagePackSerializationException">The content is not such a state.</exception>
    public void Read(ref MessagePackReader reader)
    {
        Expect(ref reader, 2, "the redfish BIOS interface");
        periodicStart = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        restoring = [];
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 6, "a node's redfish BIOS flags");
            var slot = reader.ReadInt32();
            var reset = reader.ReadBoolean();
            var config = reader.ReadBoolean();
            var polling = reader.ReadBoolean();
            var generation = reader.ReadInt64();
            ImmutableSortedDictionary<string, object>? requested = null;
            if (!reader.TryReadNil())
            {
                var builder = ImmutableSortedDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
                for (var entries = reader.ReadMapHeader(); entries > 0; entries--)
                {
                    var name = reader.ReadString() ?? throw new MessagePackSerializationException("a BIOS attribute has no name");
                    builder[name] = reader.NextMessagePackType switch
                    {
                        MessagePackType.Boolean => reader.ReadBoolean(),
                        MessagePackType.Integer => reader.ReadInt64(),
                        _ => reader.ReadString() ?? throw new MessagePackSerializationException("a BIOS attribute's value is nil"),
                    };
                }

                requested = builder.ToImmutable();
            }

            restoring.Add((slot, new Flags(reset, config, requested, polling, null, generation)));
        }
    }

    /// <summary>The flags go back to their nodes, now that their tasks exist.</summary>
    /// <exception cref="MessagePackSerializationException">A slot has no node.</exception>
    public void NodesLoaded(DriverStateReader context)
    {
        foreach (var (slot, state) in restoring ?? [])
        {
            Set(slot, state with { Task = context.GetTask(slot) });
        }

        restoring = null;
    }
}
