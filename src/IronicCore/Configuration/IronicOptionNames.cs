using System.Collections.Frozen;
using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// The names of the options an Ironic release reads from its configuration, as the real Ironic of that
/// release registers them (the embedded <c>IronicOptionNames/ironic-&lt;release&gt;.txt</c>, made by the
/// script beside them): what lets IronicCore tell an Ironic option it does not simulate from a name that
/// is no option at all. Immutable, hence thread-safe.
/// </summary>
internal sealed class IronicOptionNames
{
    private const string Renamed = " -> ";

    /// <summary>Each release's names, indexed by release; read on first use, never again.</summary>
    private static readonly Lazy<IronicOptionNames>[] ByRelease =
        [.. Enum.GetValues<IronicRelease>().Select(release => new Lazy<IronicOptionNames>(() => Load(release)))];

    private IronicOptionNames(FrozenSet<string> options, FrozenDictionary<string, string> deprecatedNames)
    {
        Options = options;
        DeprecatedNames = deprecatedNames;
    }

    /// <summary>The options by their current <c>"section.option"</c> names, e.g. <c>"database.connection"</c>.</summary>
    public FrozenSet<string> Options { get; }

    /// <summary>
    /// The deprecated names oslo.config still reads, each with the option's current name, e.g.
    /// <c>"DEFAULT.sql_connection"</c> → <c>"database.connection"</c>.
    /// </summary>
    public FrozenDictionary<string, string> DeprecatedNames { get; }

    /// <summary>The names of <paramref name="release"/>.</summary>
    public static IronicOptionNames For(IronicRelease release) => ByRelease[(int)release].Value;

    /// <summary>Whether a file or an options block of this release may name <paramref name="name"/>, by its current or a deprecated name.</summary>
    public bool Contains(string name) => Options.Contains(name) || DeprecatedNames.ContainsKey(name);

    private static IronicOptionNames Load(IronicRelease release)
    {
        var resource = $"IronicOptionNames/ironic-{release.ToIronicName()}.txt";
        using var stream = typeof(IronicOptionNames).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .ToList();
        return new(
            lines.Where(line => !line.Contains(Renamed, StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal),
            lines.Where(line => line.Contains(Renamed, StringComparison.Ordinal))
                .Select(line => line.Split(Renamed))
                .ToFrozenDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal));
    }
}
