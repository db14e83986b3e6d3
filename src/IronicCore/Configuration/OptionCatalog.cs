using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// Ironic options by <c>"section.option"</c> name: the by-name access that scenario files, snapshots
/// and the REST API use. <see cref="Core"/> holds the conductor's own, built once by reflection over
/// <see cref="ConductorOptions"/> and its section classes; <see cref="For"/> adds the options of the
/// driver sections some options carry. Each property's attributes are the one source of an option's
/// name, limits and release. Immutable, hence thread-safe.
/// </summary>
internal sealed class OptionCatalog
{
    /// <summary>Each release's defaults, indexed by release.</summary>
    private static readonly ConductorOptions[] Defaults = [.. Enum.GetValues<IronicRelease>().Select(r => new ConductorOptions(r))];

    /// <summary>The options of each driver section class, built on first use.</summary>
    private static readonly ConcurrentDictionary<Type, ImmutableArray<OptionEntry>> DriverEntries = new();

    /// <summary>The defaults of each driver section class per release, on first use.</summary>
    private static readonly ConcurrentDictionary<(Type Section, IronicRelease Release), ConductorOptions> DriverDefaults = new();

    /// <summary>The options each driver section class marks not simulated, by <c>"section.option"</c> name, built on first use.</summary>
    private static readonly ConcurrentDictionary<Type, ImmutableArray<KeyValuePair<string, NotSimulatedOptionAttribute>>> DriverNotSimulated = new();

    private readonly FrozenDictionary<string, OptionEntry> byName;

    private OptionCatalog(ImmutableArray<OptionEntry> entries, IEnumerable<KeyValuePair<string, NotSimulatedOptionAttribute>> notSimulated)
    {
        Entries = entries;
        byName = entries.ToFrozenDictionary(entry => entry.Name, StringComparer.Ordinal);
        NotSimulated = notSimulated.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The conductor's own options, without any driver section's.</summary>
    public static OptionCatalog Core { get; } = new(BuildCore(), CoreNotSimulated());

    /// <summary>The conductor's own options, ordered by name (ordinal).</summary>
    public static ImmutableArray<OptionEntry> All => Core.Entries;

    /// <summary>The section names the conductor's own options use; no driver section may take one.</summary>
    public static FrozenSet<string> CoreSections { get; } =
        All.Select(entry => entry.Section).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every option, ordered by name (ordinal).</summary>
    public ImmutableArray<OptionEntry> Entries { get; }

    /// <summary>The Ironic options of these sections that IronicCore refuses as not simulated, by <c>"section.option"</c> name.</summary>
    public FrozenDictionary<string, NotSimulatedOptionAttribute> NotSimulated { get; }

    /// <summary>
    /// The conductor's options and those of <paramref name="sections"/>, which must be checked first
    /// (<see cref="ConductorOptions.CheckDriverSections"/>: no null, one of each section name).
    /// </summary>
    public static OptionCatalog For(ImmutableArray<OptionSection> sections) =>
        sections.IsDefaultOrEmpty
            ? Core
            : new(
                [.. All.Concat(sections.SelectMany(section => EntriesOf(section.GetType()))).OrderBy(entry => entry.Name, StringComparer.Ordinal)],
                Core.NotSimulated.Concat(sections.SelectMany(section => NotSimulatedOf(section.GetType()))));

    /// <summary>The options a driver section class declares, ordered by name.</summary>
    /// <exception cref="InvalidOperationException">The class is not marked with its section, or a settable property names no option.</exception>
    public static ImmutableArray<OptionEntry> EntriesOf(Type section) => DriverEntries.GetOrAdd(section, type =>
    {
        var name = SectionOf(type) ?? throw new InvalidOperationException(
            $"{type.Name} derives from {nameof(OptionSection)} but names no section: mark it [IronicSection(\"...\")].");
        return [.. SettableProperties(type).Select(property => new OptionEntry(name, property, type)).OrderBy(entry => entry.Name, StringComparer.Ordinal)];
    });

    /// <summary>The section a driver section class stands for, e.g. <c>"ipmi"</c>.</summary>
    /// <exception cref="InvalidOperationException">The class is not marked with its section.</exception>
    public static string SectionNameOf(OptionSection section) =>
        SectionOf(section.GetType()) ?? throw new InvalidOperationException(
            $"{section.GetType().Name} derives from {nameof(OptionSection)} but names no section: mark it [IronicSection(\"...\")].");

    /// <summary>The option a property of the conductor's holds, e.g. <c>Of(typeof(ConductorOptions), nameof(ConductorOptions.WorkersPoolSize))</c>.</summary>
    public static OptionEntry Of(Type section, string property) =>
        All.Single(entry => entry.Property == (section.GetProperty(property) ?? throw new ArgumentException($"{section.Name} has no {property}.", nameof(property))));

    /// <summary>
    /// The defaults of <paramref name="release"/>, with the defaults of <paramref name="driverSection"/>
    /// when given; shared: never initialize anything on them.
    /// </summary>
    public static ConductorOptions DefaultsOf(IronicRelease release, Type? driverSection = null)
    {
        var defaults = Defaults[(int)release];
        return driverSection is null
            ? defaults
            : DriverDefaults.GetOrAdd((driverSection, release), key => new ConductorOptions(key.Release) { DriverSections = [NewSection(key.Section, key.Release)] });
    }

    /// <summary>The names of the options <paramref name="release"/> has, ordered by name.</summary>
    public ImmutableArray<string> NamesIn(IronicRelease release) =>
        [.. Entries.Where(entry => entry.ExistsIn(release)).Select(entry => entry.Name)];

    /// <summary>Finds an option by name, if <paramref name="release"/> has it.</summary>
    public bool TryFind(string name, IronicRelease release, [NotNullWhen(true)] out OptionEntry? entry) =>
        byName.TryGetValue(name, out entry) && entry.ExistsIn(release);

    /// <summary>Finds an Ironic option IronicCore does not simulate by name, if <paramref name="release"/> has it.</summary>
    public bool TryFindNotSimulated(string name, IronicRelease release, [NotNullWhen(true)] out NotSimulatedOptionAttribute? option) =>
        NotSimulated.TryGetValue(name, out option) && ReleaseProfile.For(release).IsAtLeast(option.Since);

    /// <summary>
    /// Finds an option that Ironic <paramref name="release"/> has (<see cref="IronicOptionNames"/>) and these
    /// options do not model at all, neither as an option nor as one refused with its own reason: why it is
    /// refused, if so.
    /// </summary>
    public bool TryFindUnmodelled(string name, IronicRelease release, [NotNullWhen(true)] out string? reason)
    {
        // "With the driver sections these options carry": an option of a driver section not carried, e.g.
        // [ipmi] on a fake-hardware fleet, lands here too, though the driver's package simulates it.
        reason = byName.ContainsKey(name) || NotSimulated.ContainsKey(name) || !IronicOptionNames.For(release).Contains(name)
            ? null
            : $"Ironic {release.ToIronicName()} has this option, but IronicCore simulates it neither in its core nor in the driver sections given here (a driver section's options count only where a conductor carries that section), so no value given for it would change an answer.";
        return reason is not null;
    }

    /// <summary>The options a section class marks not simulated, by <c>"section.option"</c> name.</summary>
    private static IEnumerable<KeyValuePair<string, NotSimulatedOptionAttribute>> NotSimulatedIn(Type type, string section) =>
        type.GetCustomAttributes<NotSimulatedOptionAttribute>().Select(option => KeyValuePair.Create($"{section}.{option.Name}", option));

    private static ImmutableArray<KeyValuePair<string, NotSimulatedOptionAttribute>> NotSimulatedOf(Type section) =>
        DriverNotSimulated.GetOrAdd(section, type => [.. NotSimulatedIn(type, SectionOf(type) ?? throw new InvalidOperationException(
            $"{type.Name} derives from {nameof(OptionSection)} but names no section: mark it [IronicSection(\"...\")]."))]);

    private static IEnumerable<KeyValuePair<string, NotSimulatedOptionAttribute>> CoreNotSimulated()
    {
        var root = typeof(ConductorOptions);
        return NotSimulatedIn(root, SectionOf(root)!).Concat(SettableProperties(root)
            .Where(property => SectionOf(property.PropertyType) is not null)
            .SelectMany(property => NotSimulatedIn(property.PropertyType, SectionOf(property.PropertyType)!)));
    }

    /// <summary>A driver section at the defaults of <paramref name="release"/>: its constructor taking the release, or its parameterless one.</summary>
    private static OptionSection NewSection(Type section, IronicRelease release) =>
        (OptionSection)(section.GetConstructor([typeof(IronicRelease)]) is { } byRelease
            ? byRelease.Invoke([release])
            : Activator.CreateInstance(section)
                ?? throw new InvalidOperationException($"{section.Name} has no public parameterless constructor."));

    /// <summary>The public settable properties of an options class, in declaration order.</summary>
    private static IEnumerable<PropertyInfo> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.SetMethod?.IsPublic == true);

    /// <summary>The <c>[section]</c> a class stands for, or null when it is not an options section.</summary>
    private static string? SectionOf(Type type) => type.GetCustomAttribute<IronicSectionAttribute>()?.Name;

    private static ImmutableArray<OptionEntry> BuildCore()
    {
        var root = typeof(ConductorOptions);
        var rootSection = SectionOf(root)!;
        var entries = new List<OptionEntry>();
        foreach (var property in SettableProperties(root))
        {
            if (property.PropertyType == typeof(ImmutableArray<OptionSection>))
            {
                // The driver sections: their options join per options object, in For.
                continue;
            }

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
