using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;
using MessagePack;

namespace IronicCore.Persistence;

/// <summary>
/// Reads a transition journal written by <see cref="TransitionJournalWriter"/>. A torn or
/// corrupt last record (a writer stopped mid-write) is dropped with a warning and everything
/// before it kept; damage anywhere else refuses the file.
/// </summary>
public static class TransitionJournal
{
    /// <summary>Reads every record of the journal at <paramref name="path"/>.</summary>
    /// <param name="path">The journal file.</param>
    /// <exception cref="PersistenceFormatException">Not a journal, a newer format, or damaged before its last record.</exception>
    public static JournalContents ReadAll(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        var records = ImmutableArray.CreateBuilder<TransitionRecord>();
        var (_, dropped) = Scan(stream, path, records.Add);
        return new JournalContents(records.ToImmutable(), dropped);
    }

    /// <summary>
    /// Walks the frames from the start: returns the length of the intact part and, when the
    /// last frame is torn or corrupt, why it was dropped.
    /// </summary>
    internal static (long ValidLength, string? DroppedTail) Scan(Stream stream, string path, Action<TransitionRecord>? onRecord)
    {
        Span<byte> header = stackalloc byte[JournalFrame.HeaderLength];
        JournalFrame.CheckHeader(header[..ReadUpTo(stream, header)], path);
        var length = stream.Length;
        var position = (long)JournalFrame.HeaderLength;
        var payload = new byte[JournalFrame.MaxPayloadLength];
        Span<byte> frameHeader = stackalloc byte[JournalFrame.FrameHeaderLength];
        while (position < length)
        {
            var problem = ReadFrame(stream, frameHeader, payload, out var payloadLength);
            var end = position + JournalFrame.FrameHeaderLength + Math.Max(payloadLength, 0);
            if (problem is null)
            {
                try
                {
                    onRecord?.Invoke(JournalFrame.Read(payload.AsMemory(0, payloadLength)));
                }
                catch (MessagePackSerializationException error)
                {
                    problem = $"its content cannot be decoded ({error.Message})";
                }
            }

            if (problem is not null)
            {
                if (end < length)
                {
                    throw new PersistenceFormatException(
                        PersistenceFormatError.Corrupted, $"{path}: the record at byte {position} is damaged: {problem}; records follow it.");
                }

                return (position, $"{path}: the last record, at byte {position}, was dropped: {problem}.");
            }

            position = end;
        }

        return (position, null);
    }

    private static string? ReadFrame(Stream stream, Span<byte> frameHeader, byte[] payload, out int payloadLength)
    {
        payloadLength = -1;
        if (ReadUpTo(stream, frameHeader) < frameHeader.Length)
        {
            return "it is cut off in its header";
        }

        payloadLength = BinaryPrimitives.ReadInt32LittleEndian(frameHeader);
        if (payloadLength is < 0 or > JournalFrame.MaxPayloadLength)
        {
            payloadLength = int.MaxValue / 2;
            return "its length is impossible";
        }

        if (ReadUpTo(stream, payload.AsSpan(0, payloadLength)) < payloadLength)
        {
            return "it is cut off";
        }

        var checksum = BinaryPrimitives.ReadUInt32LittleEndian(frameHeader[4..]);
        return Crc32.HashToUInt32(payload.AsSpan(0, payloadLength)) == checksum ? null : "its checksum does not match";
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns how much it read.</summary>
    internal static int ReadUpTo(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
