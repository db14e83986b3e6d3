namespace IronicCore.Simulation;

/// <summary>
/// One flag per node slot, growing with the largest slot set: a fleet-wide pass finds the few
/// slots without the flag with a vectorised search of a byte array instead of reading every
/// node. A slot never set reads as clear. Not thread-safe.
/// </summary>
internal sealed class SlotFlags
{
    private byte[] flags = [];

    public bool IsSet(int slot) => slot < flags.Length && flags[slot] != 0;

    public void Set(int slot)
    {
        if (slot >= flags.Length)
        {
            Array.Resize(ref flags, Math.Max(slot + 1, Math.Max(16, flags.Length * 2)));
        }

        flags[slot] = 1;
    }

    public void Clear(int slot)
    {
        if (slot < flags.Length)
        {
            flags[slot] = 0;
        }
    }

    /// <summary>The first slot from <paramref name="from"/> whose flag is clear, or <paramref name="count"/> if none below it is.</summary>
    public int NextClear(int from, int count)
    {
        var end = Math.Min(count, flags.Length);
        if (from >= end)
        {
            return Math.Min(from, count);
        }

        var found = flags.AsSpan(from, end - from).IndexOf((byte)0);
        return found < 0 ? end : from + found;
    }
}
