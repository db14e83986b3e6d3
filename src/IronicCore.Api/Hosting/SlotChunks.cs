namespace IronicCore.Api.Hosting;

/// <summary>
/// A published version's items by slot, in chunks of <see cref="PublishedNodes.ChunkSize"/>: the
/// next version copies the list of chunks and, once each, the chunks whose items changed, sharing
/// every other chunk with the last.
/// </summary>
internal static class SlotChunks
{
    /// <summary>The next version's list of chunks for <paramref name="slots"/> slots, every chunk still the last version's.</summary>
    public static T?[][] Next<T>(T?[][] last, int slots)
        where T : class
    {
        var chunks = new T?[(slots + PublishedNodes.ChunkSize - 1) / PublishedNodes.ChunkSize][];
        Array.Copy(last, chunks, Math.Min(last.Length, chunks.Length));
        return chunks;
    }

    /// <summary>Puts <paramref name="item"/> in <paramref name="slot"/> (copying its chunk the first time); the item it replaces.</summary>
    public static T? Set<T>(T?[][] chunks, bool[] copied, int slot, T? item)
        where T : class
    {
        var (chunk, offset) = Math.DivRem(slot, PublishedNodes.ChunkSize);
        if (!copied[chunk])
        {
            chunks[chunk] = chunks[chunk] is { } shared ? (T?[])shared.Clone() : new T?[PublishedNodes.ChunkSize];
            copied[chunk] = true;
        }

        var before = chunks[chunk][offset];
        chunks[chunk][offset] = item;
        return before;
    }
}
