using System.Collections.Immutable;
using IronicCore.Fleet;
using IronicCore.Fleet.Policies;

namespace IronicCore.Sweeps;

/// <summary>
/// The policies a plan may name: IronicCore.Fleet's built-in ones, by the names <c>ironic-sim fleet</c>
/// knows them by. A sweep's cells run on hosts that have only the tool, so no assembly of one's own.
/// </summary>
internal static class SweepPolicies
{
    private static readonly ImmutableArray<(string Name, Func<IFleetPolicy> Create)> Known =
    [
        ("hold", () => new HoldPolicy()),
        ("reparo", () => new ReparoPolicy()),
        ("fail-fast", () => new FailFastPolicy()),
    ];

    /// <summary>The names, in the fleet command's order.</summary>
    public static IEnumerable<string> Names => Known.Select(p => p.Name);

    /// <summary>What makes a fresh instance of policy <paramref name="name"/>; null for a name not known.</summary>
    public static Func<IFleetPolicy>? Factory(string name) => Known.FirstOrDefault(p => p.Name == name).Create;
}
