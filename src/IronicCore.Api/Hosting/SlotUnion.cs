namespace IronicCore.Api.Hosting;

/// <summary>
/// The slots of any of several sets (a filter with several values, or <c>project</c>: owner or
/// lessee), walked in slot order: a list that filters by it visits these slots only.
/// </summary>
internal sealed class SlotUnion(SlotSet[] sets)
{
    /// <summary>At most this many slots (a slot in two sets counts twice).</summary>
    public long Count { get; } = sets.Sum(s => (long)s.Count);

    /// <summary>The first slot of any set from <paramref name="slot"/> on (backwards when <paramref name="step"/> is -1), or -1.</summary>
    public int Next(int slot, int step)
    {
        var best = -1;
        foreach (var set in sets)
        {
            var found = set.Next(slot, step);
            if (found >= 0 && (best < 0 || (step > 0 ? found < best : found > best)))
            {
                best = found;
            }
        }

        return best;
    }
}
