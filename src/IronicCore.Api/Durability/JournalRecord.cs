using System.Buffers;
using System.Text;

namespace IronicCore.Api.Durability;

/// <summary>
/// One journal record: a request the conductor ran (its method, raw path, query, headers and the
/// body its handler read, at the virtual time its work ran), or the clock's anchor (virtual time
/// against the wall clock) that a real-clock session starts with. Replaying the requests in order
/// at their times rebuilds the conductor: it is deterministic, so its workers, agents and periodic
/// tasks between two requests run again as they ran.
/// </summary>
internal sealed record JournalRecord(
    JournalRecordKind Kind, long Sequence, long AtTicks, string Method, string Path, string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Body, long WallTicks = 0, double Speed = 0)
{
    public DateTimeOffset At => new(AtTicks, TimeSpan.Zero);

    /// <summary>A real clock's anchor: virtual time <paramref name="at"/> at wall time <paramref name="wall"/>, moving <paramref name="speed"/> times as fast.</summary>
    public static JournalRecord Anchor(long sequence, DateTimeOffset at, DateTimeOffset wall, double speed) =>
        new(JournalRecordKind.ClockAnchor, sequence, at.UtcTicks, string.Empty, string.Empty, string.Empty, [], ReadOnlyMemory<byte>.Empty, wall.UtcTicks, speed);

    public void Encode(IBufferWriter<byte> output)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)Kind);
            writer.Write(Sequence);
            writer.Write(AtTicks);
            if (Kind == JournalRecordKind.ClockAnchor)
            {
                writer.Write(WallTicks);
                writer.Write(Speed);
            }
            else
            {
                writer.Write(Method);
                writer.Write(Path);
                writer.Write(Query);
                writer.Write(Headers.Count);
                foreach (var (name, value) in Headers)
                {
                    writer.Write(name);
                    writer.Write(value);
                }

                writer.Write(Body.Length);
                writer.Write(Body.Span);
            }
        }

        output.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <exception cref="FormatException">The payload is not a record (its checksum matched, so a newer or foreign writer's).</exception>
    public static JournalRecord Decode(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload.ToArray()), Encoding.UTF8);
            var kind = (JournalRecordKind)reader.ReadByte();
            var sequence = reader.ReadInt64();
            var at = reader.ReadInt64();
            switch (kind)
            {
                case JournalRecordKind.ClockAnchor:
                    return Anchor(sequence, new DateTimeOffset(at, TimeSpan.Zero), new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero), reader.ReadDouble());
                case JournalRecordKind.Request:
                    var method = reader.ReadString();
                    var path = reader.ReadString();
                    var query = reader.ReadString();
                    var headers = new KeyValuePair<string, string>[reader.ReadInt32()];
                    for (var i = 0; i < headers.Length; i++)
                    {
                        headers[i] = new(reader.ReadString(), reader.ReadString());
                    }

                    var body = reader.ReadBytes(reader.ReadInt32());
                    return new JournalRecord(kind, sequence, at, method, path, query, headers, body);
                default:
                    throw new FormatException($"unknown record kind {(byte)kind}");
            }
        }
        catch (EndOfStreamException error)
        {
            throw new FormatException("the record ends early", error);
        }
    }
}
