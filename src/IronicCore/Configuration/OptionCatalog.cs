using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// Every Ironic option IronicCore models, by <c>"section.option"</c> name: the by-name access that
/// scenario files and the REST API use. Built once by reflection over <see cref="ConductorOptions"/>
/// and its section classes, so each property's attributes are the one source of an option's name,
/// limits and release. Thread-safe.
/// </summary>
internal static class OptionCatalog
{
    private static readonly ConductorOptions MasterDefaults = new(IronicRelease.Master);
    private static readonly ConductorOptions Release21_4Defaults = new(IronicRelease.Release21_4);

    /// <summary>Every option, ordered by name (ordinal).</summary>
    public static ImmutableArray<OptionEntry> All { get; } = Build();

    private static readonly FrozenDictionary<string, OptionEntry> ByName =
        All.ToFrozenDictionary(entry => entry.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<PropertyInfo, OptionEntry> ByProperty =
        All.ToFrozenDictionary(entry => entry.Property);

    /// <summary>The names of the options <paramref name="release"/> has, ordered by name.</summary>
    public static ImmutableArray<string> NamesIn(IronicRelease release) =>
        [.. All.Where(entry => entry.ExistsIn(release)).Select(entry => entry.Name)];

    /// <summary>Finds an option by name, if <paramref name="release"/> has it.</summary>
    public static bool TryFind(string name, IronicRelease release, [NotNullWhen(true)] out OptionEntry? entry) =>
        ByName.TryGetValue(name, out entry) && entry.ExistsIn(release);

    /// <summary>The option a property holds, e.g. <c>Of(typeof(ConductorOptions), nameof(ConductorOptions.WorkersPoolSize))</c>.</summary>
    public static OptionEntry Of(Type section, string property) =>
        ByProperty[section.GetProperty(property) ?? throw new ArgumentException($"{section.Name} has no {property}.", nameof(property))];

    /// <summary>The defaults of <paramref name="release"/>, shared: never initialize anything on them.</summary>
    public static ConductorOptions DefaultsOf(IronicRelease release) =>
        release == IronicRelease.Release21_4 ? Release21_4Defaults : MasterDefaults;

    /// <summary>The public settable properties of an options class, in declaration order.</summary>
    private static IEnumerable<PropertyInfo> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.SetMethod?.IsPublic == true);

    /// <summary>The <c>[section]</c> a class stands for, or null when it is not an options section.</summary>
    private static string? SectionOf(Type type) => type.GetCustomAttribute<IronicSectionAttribute>()?.Name;

    private static ImmutableArray<OptionEntry> Build()
    {
        var root = typeof(ConductorOptions);
        var rootSection = SectionOf(root)!;
        var entries = new List<OptionEntry>();
        foreach (var property in SettableProperties(root))
        {
            if (SectionOf(property.PropertyType) is { } section)
            {
                entries.AddRange(SettableProperties(property.PropertyType).Select(inner => new OptionEntry(section, property, inner)));
            }
            else
            {
                entries.Add(new OptionEntry(rootSection, null, property));
            }
        }

        return [.. entries.OrderBy(entry => entry.Name, StringComparer.Ordinal)];
    }
}
