using MessagePack;

namespace IronicCore.Persistence;

/// <summary>Decodes a snapshot's body, which <see cref="SnapshotFile.Read"/> has checked whole.</summary>
internal static class SnapshotReading
{
    /// <summary>
    /// Reads the body with <paramref name="read"/>; a body of the wrong shape is <see cref="PersistenceFormatError.Corrupted"/>,
    /// one that needs code the loader was not given <see cref="PersistenceFormatError.MissingDriver"/>.
    /// </summary>
    public static T Decode<T>(byte[] body, string source, SnapshotReader<T> read)
    {
        var reader = new MessagePackReader(body);
        try
        {
            var result = read(ref reader);
            if (!reader.End)
            {
                throw new MessagePackSerializationException($"{body.Length - reader.Consumed} bytes follow the content");
            }

            return result;
        }
        catch (SnapshotDependencyException error)
        {
            throw new PersistenceFormatException(PersistenceFormatError.MissingDriver, $"{source}: {error.Message}", error);
        }
        catch (Exception error) when (error is MessagePackSerializationException or EndOfStreamException)
        {
            throw new PersistenceFormatException(
                PersistenceFormatError.Corrupted, $"{source}: the snapshot's content cannot be decoded at byte {reader.Consumed} ({error.Message}).", error);
        }
    }

    /// <summary>How messages name a snapshot read from <paramref name="stream"/>.</summary>
    public static string SourceOf(Stream stream) => stream is FileStream file ? file.Name : "the snapshot";
}
