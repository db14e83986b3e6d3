using System.Collections.Immutable;

namespace IronicCore.Api.Hosting;

/// <summary>
/// One field's published index: for each value the field has, the slots holding it
/// (<see cref="SlotSet"/>). Immutable: a version costs the slots whose value changed, and shares
/// every other value's set with the last.
/// </summary>
internal sealed class ValueIndex
{
    public static readonly ValueIndex Empty = new(ImmutableDictionary.Create<string, SlotSet>(StringComparer.Ordinal));

    private readonly ImmutableDictionary<string, SlotSet> sets;

    private ValueIndex(ImmutableDictionary<string, SlotSet> sets) => this.sets = sets;

    /// <summary>How many values have at least one slot.</summary>
    public int Values => sets.Count;

    /// <summary>The slots holding <paramref name="value"/>: none when no slot does.</summary>
    public SlotSet Of(string value) => sets.TryGetValue(value, out var set) ? set : SlotSet.None;

    /// <summary>The next version: each slot's value moved from <c>Before</c> to <c>After</c> (null: none).</summary>
    public ValueIndex With(List<(string? Before, string? After, int Slot)> moves)
    {
        if (moves.Count == 0)
        {
            return this;
        }

        var changes = new Dictionary<string, (List<int> Added, List<int> Removed)>(StringComparer.Ordinal);
        foreach (var (before, after, slot) in moves)
        {
            if (before is not null)
            {
                Changes(changes, before).Removed.Add(slot);
            }

            if (after is not null)
            {
                Changes(changes, after).Added.Add(slot);
            }
        }

        var next = sets.ToBuilder();
        foreach (var (value, (added, removed)) in changes)
        {
            var set = Of(value).With(added, removed);
            if (set.Count == 0)
            {
                next.Remove(value);
            }
            else
            {
                next[value] = set;
            }
        }

        return new ValueIndex(next.ToImmutable());
    }

    private static (List<int> Added, List<int> Removed) Changes(Dictionary<string, (List<int> Added, List<int> Removed)> changes, string value)
    {
        if (!changes.TryGetValue(value, out var lists))
        {
            lists = ([], []);
            changes[value] = lists;
        }

        return lists;
    }
}
