using System.Buffers.Binary;
using System.IO.Hashing;
using System.Reflection;
using System.Text;

namespace IronicCore.Persistence;

/// <summary>
/// A snapshot's framing: the magic <c>IRSN</c>, the format version (32-bit little-endian), the
/// kind of content (1 byte), the writing library's version (1-byte length, UTF-8), the body's
/// length (64-bit) and its CRC-64, then the body. The whole body is read and its checksum
/// verified before anything is decoded from it, so a damaged file loads nothing. A simulation
/// built around a conductor frames its own snapshots with it (<see cref="Conductor.WriteSnapshot"/>).
/// </summary>
public static class SnapshotFile
{
    /// <summary>The format this library writes; it reads every format up to this one.</summary>
    public const int Version = 8;

    private const int FixedHeaderLength = 4 + 4 + 1 + 1;

    internal static ReadOnlySpan<byte> Magic => "IRSN"u8;

    /// <summary>The version of IronicCore that writes snapshots, as the file records it.</summary>
    internal static string LibraryVersion { get; } =
        typeof(SnapshotFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Writes the header and the body, and flushes the stream.</summary>
    /// <param name="stream">Where to write; written at its current position.</param>
    /// <param name="kind">What the body holds.</param>
    /// <param name="body">The body (MessagePack).</param>
    public static void Write(Stream stream, SnapshotKind kind, ReadOnlySpan<byte> body)
    {
        var library = Encoding.UTF8.GetBytes(LibraryVersion);
        if (library.Length > byte.MaxValue)
        {
            library = library[..byte.MaxValue];
        }

        Span<byte> header = stackalloc byte[FixedHeaderLength + byte.MaxValue + 16];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], Version);
        header[8] = (byte)kind;
        header[9] = (byte)library.Length;
        library.CopyTo(header[FixedHeaderLength..]);
        var tail = header[(FixedHeaderLength + library.Length)..];
        BinaryPrimitives.WriteInt64LittleEndian(tail, body.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(tail[8..], Crc64.HashToUInt64(body));
        stream.Write(header[..(FixedHeaderLength + library.Length + 16)]);
        stream.Write(body);
        stream.Flush();
    }

    /// <summary>
    /// Reads a snapshot of kind <paramref name="expected"/>: the header and the whole body are read
    /// and checked first, then <paramref name="decode"/> reads the body to its end.
    /// </summary>
    /// <typeparam name="T">What the body holds.</typeparam>
    /// <param name="stream">Where the snapshot is, from its first byte.</param>
    /// <param name="expected">The kind the caller can load; another is refused as foreign.</param>
    /// <param name="decode">Decodes the body; a body of the wrong shape throws <see cref="MessagePack.MessagePackSerializationException"/>.</param>
    /// <returns>What <paramref name="decode"/> returned.</returns>
    /// <exception cref="PersistenceFormatException">Foreign, newer, truncated, corrupted, or a body that does not decode (naming the file).</exception>
    public static T Read<T>(Stream stream, SnapshotKind expected, SnapshotBodyReader<T> decode)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(decode);
        var source = SnapshotReading.SourceOf(stream);
        var (body, format) = Read(stream, expected, source);
        return SnapshotReading.Decode(body, source, (ref MessagePack.MessagePackReader reader) => decode(ref reader, format));
    }

    /// <summary>Reads the header and the whole body, and checks both; the body is only returned whole and intact.</summary>
    /// <param name="stream">Where the snapshot is, from its first byte.</param>
    /// <param name="expected">The kind the caller can load.</param>
    /// <param name="source">How messages name the file.</param>
    /// <exception cref="PersistenceFormatException">Foreign, newer, truncated or corrupted.</exception>
    /// <returns>The checked body, and the format it is written in (1 to <see cref="Version"/>), which its decoders follow.</returns>
    internal static (byte[] Body, int Format) Read(Stream stream, SnapshotKind expected, string source)
    {
        Span<byte> header = stackalloc byte[FixedHeaderLength];
        var read = TransitionJournal.ReadUpTo(stream, header);
        if (read >= 4 && !header[..4].SequenceEqual(Magic) || read < 4 && !Magic[..read].SequenceEqual(header[..read]))
        {
            throw new PersistenceFormatException(PersistenceFormatError.Foreign, $"{source}: not an IronicCore snapshot.");
        }

        if (read < FixedHeaderLength)
        {
            throw Truncated(source, "its header");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (version < 1)
        {
            throw new PersistenceFormatException(PersistenceFormatError.Corrupted, $"{source}: snapshot format {version} does not exist.");
        }

        if (version > Version)
        {
            throw new PersistenceFormatException(
                PersistenceFormatError.NewerVersion, $"{source}: snapshot format {version} is newer than this library reads ({Version}).");
        }

        var kind = (SnapshotKind)header[8];
        if (kind != expected)
        {
            throw new PersistenceFormatException(
                PersistenceFormatError.Foreign, $"{source}: a snapshot of {Describe(kind)}, not of {Describe(expected)}.");
        }

        Span<byte> rest = stackalloc byte[header[9] + 16];
        if (TransitionJournal.ReadUpTo(stream, rest) < rest.Length)
        {
            throw Truncated(source, "its header");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(rest[header[9]..]);
        var checksum = BinaryPrimitives.ReadUInt64LittleEndian(rest[(header[9] + 8)..]);
        if (length < 0 || length > Array.MaxLength)
        {
            throw new PersistenceFormatException(PersistenceFormatError.Corrupted, $"{source}: the snapshot's body length ({length}) is impossible.");
        }

        var body = new byte[length];
        if (TransitionJournal.ReadUpTo(stream, body) < length)
        {
            throw Truncated(source, "its body");
        }

        if (Crc64.HashToUInt64(body) != checksum)
        {
            throw new PersistenceFormatException(PersistenceFormatError.Corrupted, $"{source}: the snapshot's checksum does not match its body.");
        }

        return (body, version);
    }

    private static PersistenceFormatException Truncated(string source, string part) =>
        new(PersistenceFormatError.Truncated, $"{source}: the snapshot is cut off in {part}.");

    private static string Describe(SnapshotKind kind) => kind switch
    {
        SnapshotKind.Conductor => "a conductor",
        SnapshotKind.Fleet => "a fleet run",
        SnapshotKind.FleetComparison => "an ironic-sim fleet run",
        _ => $"unknown kind {(byte)kind}",
    };
}
