using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace IronicCore.Api.Durability;

/// <summary>
/// A journal segment's layout: <c>IRSJ</c>, the format version (int32 LE), then one frame per
/// record: payload length (int32 LE), CRC-32 of the payload (uint32 LE), the payload
/// (<see cref="JournalRecord.Encode"/>). A kill can tear only the last frame; a damaged frame
/// with intact bytes after it is corruption.
/// </summary>
internal static class JournalFile
{
    public const int Version = 1;

    public const int HeaderLength = 8;

    public const int FrameHeaderLength = 8;

    /// <summary>Bodies of up to 64 MiB (a config drive), with room for the rest of the record.</summary>
    public const int MaxPayloadLength = (64 * 1024 * 1024) + (1024 * 1024);

    public static ReadOnlySpan<byte> Magic => "IRSJ"u8;

    public static byte[] Header()
    {
        var header = new byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), Version);
        return header;
    }

    /// <summary>Appends one framed record.</summary>
    public static void WriteFrame(ArrayBufferWriter<byte> output, ArrayBufferWriter<byte> scratch, JournalRecord record)
    {
        scratch.ResetWrittenCount();
        record.Encode(scratch);
        var payload = scratch.WrittenSpan;
        var span = output.GetSpan(FrameHeaderLength + payload.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Crc32.HashToUInt32(payload));
        payload.CopyTo(span[FrameHeaderLength..]);
        output.Advance(FrameHeaderLength + payload.Length);
    }

    /// <summary>
    /// Reads a segment's records with their offsets, and the length of its intact part. A torn last
    /// frame is left out when <paramref name="last"/> (the newest segment, the only one a kill can tear).
    /// </summary>
    /// <exception cref="StateDirectoryException">Not a segment, a newer format, or a damaged frame that is not a torn tail.</exception>
    public static (List<(long Offset, JournalRecord Record)> Records, long IntactLength, bool TornTail) Read(string path, bool last)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderLength)
        {
            // A kill while the segment was being created leaves it empty or short: nothing was acknowledged in it.
            return last ? ([], 0, bytes.Length > 0) : throw Corrupt(path, 0, "the journal header is incomplete");
        }

        if (!bytes.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw new StateDirectoryException(StateDirectoryError.Incompatible, path, null, "not an ironic-sim state journal");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        if (version != Version)
        {
            throw new StateDirectoryException(StateDirectoryError.Incompatible, path, null, $"journal format {version}; this release reads format {Version}");
        }

        var records = new List<(long, JournalRecord)>();
        long offset = HeaderLength;
        while (offset < bytes.Length)
        {
            var rest = bytes.Length - offset;
            var length = rest >= FrameHeaderLength ? BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan((int)offset)) : -1;
            var fits = length > 0 && length <= MaxPayloadLength && length <= rest - FrameHeaderLength;
            var payload = fits ? bytes.AsMemory((int)offset + FrameHeaderLength, length) : default;
            if (!fits || Crc32.HashToUInt32(payload.Span) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)offset + 4)))
            {
                if (last && IsTornTail(bytes, offset, fits ? offset + FrameHeaderLength + length : bytes.Length))
                {
                    return (records, offset, true);
                }

                throw Corrupt(path, offset, fits ? "the record's checksum does not match" : "the record's length is impossible");
            }

            try
            {
                records.Add((offset, JournalRecord.Decode(payload)));
            }
            catch (FormatException error)
            {
                throw Corrupt(path, offset, $"the record cannot be read: {error.Message}");
            }

            offset += FrameHeaderLength + length;
        }

        return (records, offset, false);
    }

    /// <summary>
    /// A frame torn by a kill is the file's last: it runs to (or past) the end, or only zeros (space
    /// the file system gave but the write never filled) follow it.
    /// </summary>
    private static bool IsTornTail(byte[] bytes, long offset, long frameEnd) =>
        frameEnd >= bytes.Length || !bytes.AsSpan((int)frameEnd).ContainsAnyExcept((byte)0);

    private static StateDirectoryException Corrupt(string path, long offset, string message) =>
        new(StateDirectoryError.Corrupted, path, offset, $"{message}: the journal is damaged before its end (a crash tears only the last record), so nothing is replayed");
}
