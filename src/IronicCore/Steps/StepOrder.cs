using System.Collections.Frozen;
using System.Collections.Immutable;
using IronicCore.States;

namespace IronicCore.Steps;

/// <summary>
/// The interfaces that may own a clean, deploy or service step, and how Ironic orders steps of
/// equal priority: by the rank of their interface (its <c>CLEANING_INTERFACE_PRIORITY</c>).
/// </summary>
public static class StepOrder
{
    /// <summary>The interfaces a user's step (or a runbook's) may name in <paramref name="release"/>, highest rank first.</summary>
    /// <param name="release">The Ironic release.</param>
    public static ImmutableArray<string> Interfaces(IronicRelease release) =>
        [.. Ranks(release).OrderByDescending(r => r.Value).Select(r => r.Key)];

    /// <summary>The rank that breaks priority ties; 0 for an interface the release does not rank.</summary>
    internal static int InterfaceRank(string @interface, IronicRelease release) =>
        Ranks(release).GetValueOrDefault(@interface);

    private static FrozenDictionary<string, int> Ranks(IronicRelease release) =>
        ReleaseProfile.For(release).StepInterfaceRanks;
}
