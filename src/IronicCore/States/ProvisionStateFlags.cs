namespace IronicCore.States;

/// <summary>
/// A yes or no for every provision state, indexed by the state's number: what a pass over every
/// node reads per node instead of comparing the state with a list.
/// </summary>
internal static class ProvisionStateFlags
{
    /// <summary>The table of <paramref name="predicate"/> over every state.</summary>
    public static bool[] Where(Func<ProvisionState, bool> predicate)
    {
        var states = Enum.GetValues<ProvisionState>();
        var flags = new bool[states.Max(state => (int)state) + 1];
        foreach (var state in states)
        {
            flags[(int)state] = predicate(state);
        }

        return flags;
    }
}
