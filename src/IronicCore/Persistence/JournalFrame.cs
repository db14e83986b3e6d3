using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;
using MessagePack;

namespace IronicCore.Persistence;

/// <summary>
/// The journal's layout: an 8-byte header (<c>IRJL</c>, format version), then one frame per
/// transition: payload length (4 bytes, little-endian), CRC-32 of the payload (4 bytes), and
/// the payload, a MessagePack array [node uuid, from, event, to, UTC ticks, cause].
/// </summary>
internal static class JournalFrame
{
    public const int Version = 1;

    public const int HeaderLength = 8;

    public const int FrameHeaderLength = 8;

    /// <summary>No record comes near this; a larger length can only be a torn or corrupt frame.</summary>
    public const int MaxPayloadLength = 64 * 1024;

    public static ReadOnlySpan<byte> Magic => "IRJL"u8;

    public static void WriteHeader(IBufferWriter<byte> output)
    {
        var span = output.GetSpan(HeaderLength);
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], Version);
        output.Advance(HeaderLength);
    }

    /// <summary>Checks the header; throws what is wrong with it.</summary>
    public static void CheckHeader(ReadOnlySpan<byte> header, string path)
    {
        if (header.Length < HeaderLength)
        {
            throw new PersistenceFormatException(PersistenceFormatError.Truncated, $"{path}: the journal header is incomplete.");
        }

        if (!header[..4].SequenceEqual(Magic))
        {
            throw new PersistenceFormatException(PersistenceFormatError.Foreign, $"{path}: not an IronicCore transition journal.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (version > Version)
        {
            throw new PersistenceFormatException(
                PersistenceFormatError.NewerVersion, $"{path}: journal format {version} is newer than this library reads ({Version}).");
        }
    }

    /// <summary>Appends one framed record; <paramref name="scratch"/> holds the payload while its checksum is taken.</summary>
    public static void Write(IBufferWriter<byte> output, ArrayBufferWriter<byte> scratch, in TransitionRecord record)
    {
        scratch.ResetWrittenCount();
        var writer = new MessagePackWriter(scratch);
        writer.WriteArrayHeader(6);
        writer.Write(record.NodeUuid);
        writer.Write((byte)record.From);
        writer.Write((byte)record.Event);
        writer.Write((byte)record.To);
        writer.Write(record.At.UtcTicks);
        writer.Write((byte)record.Cause);
        writer.Flush();
        var payload = scratch.WrittenSpan;
        var span = output.GetSpan(FrameHeaderLength + payload.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Crc32.HashToUInt32(payload));
        payload.CopyTo(span[FrameHeaderLength..]);
        output.Advance(FrameHeaderLength + payload.Length);
    }

    /// <summary>Decodes a payload whose checksum matched.</summary>
    public static TransitionRecord Read(ReadOnlyMemory<byte> payload)
    {
        var reader = new MessagePackReader(payload);
        if (reader.ReadArrayHeader() != 6)
        {
            throw new MessagePackSerializationException("a journal record has six fields");
        }

        var uuid = reader.ReadString() ?? throw new MessagePackSerializationException("a journal record names its node");
        var from = Defined<ProvisionState>(reader.ReadByte());
        var @event = Defined<ProvisionEvent>(reader.ReadByte());
        var to = Defined<ProvisionState>(reader.ReadByte());
        var at = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var cause = Defined<TransitionCause>(reader.ReadByte());
        return new TransitionRecord(uuid, from, @event, to, at, cause);
    }

    private static T Defined<T>(byte value)
        where T : struct, Enum
    {
        var result = (T)Enum.ToObject(typeof(T), value);
        return Enum.IsDefined(result) ? result : throw new MessagePackSerializationException($"{value} is not a {typeof(T).Name}");
    }
}
