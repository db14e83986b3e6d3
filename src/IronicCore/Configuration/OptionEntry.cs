using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// One Ironic option in <see cref="OptionCatalog"/>: its <c>"section.option"</c> name, the property
/// that holds it, how its value reads and writes as JSON, its limits and its defaults. All of it is
/// read from the property and its attributes, so the catalog cannot drift from the options classes.
/// </summary>
internal sealed class OptionEntry
{
    private readonly PropertyInfo? sectionProperty;
    private readonly Type? driverSection;
    private readonly RegularExpressionAttribute? pattern;

    /// <summary>An option of the conductor's own sections.</summary>
    /// <param name="section">The section's name, e.g. <c>"deploy"</c>.</param>
    /// <param name="sectionProperty">The section's property on <see cref="ConductorOptions"/>; null for <c>[conductor]</c> itself.</param>
    /// <param name="property">The property that holds the option.</param>
    public OptionEntry(string section, PropertyInfo? sectionProperty, PropertyInfo property)
        : this(section, property)
    {
        this.sectionProperty = sectionProperty;
    }

    /// <summary>An option of a driver section (<see cref="OptionSection"/>).</summary>
    /// <param name="section">The section's name, e.g. <c>"ipmi"</c>.</param>
    /// <param name="property">The property that holds the option.</param>
    /// <param name="driverSection">The driver section's class.</param>
    public OptionEntry(string section, PropertyInfo property, Type driverSection)
        : this(section, property)
    {
        this.driverSection = driverSection;
    }

    private OptionEntry(string section, PropertyInfo property)
    {
        var option = property.GetCustomAttribute<IronicOptionAttribute>()
            ?? throw new InvalidOperationException(
                $"{property.DeclaringType?.Name}.{property.Name} is settable but names no Ironic option.");
        Section = section;
        Name = $"{section}.{option.Name}";
        Since = option.Since;
        Multiple = option.Multiple;
        Property = property;
        Kind = OptionKind.For(property);
        (Minimum, Maximum) = LimitsOf(property, Name);
        MaximumLength = property.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength;
        pattern = property.GetCustomAttribute<RegularExpressionAttribute>();
    }

    /// <summary>The option's section, e.g. <c>"conductor"</c>.</summary>
    public string Section { get; }

    /// <summary>The option as <c>"section.option"</c>, e.g. <c>"conductor.workers_pool_size"</c>.</summary>
    public string Name { get; }

    /// <summary>The oldest release that has the option.</summary>
    public IronicRelease Since { get; }

    /// <summary>Whether a configuration file gives it once a line, every line counting (oslo's <c>MultiStrOpt</c>).</summary>
    public bool Multiple { get; }

    /// <summary>The property that holds the option.</summary>
    public PropertyInfo Property { get; }

    /// <summary>How the value reads, writes and is checked.</summary>
    public OptionKind Kind { get; }

    /// <summary>The lowest value Ironic accepts, in the kind's unit; null when unbounded.</summary>
    public long? Minimum { get; }

    /// <summary>The highest value Ironic accepts, in the kind's unit; null when unbounded.</summary>
    public long? Maximum { get; }

    /// <summary>The most characters a string option may hold; null when unbounded.</summary>
    public int? MaximumLength { get; }

    /// <summary>Whether <paramref name="release"/> has this option.</summary>
    public bool ExistsIn(IronicRelease release) => ReleaseProfile.For(release).IsAtLeast(Since);

    /// <summary>The section object that holds the option; null when the section itself is unset (or, for a driver section, not carried).</summary>
    public object? SectionOf(ConductorOptions options) =>
        driverSection is not null ? options.FindDriverSection(driverSection)
        : sectionProperty is null ? options
        : sectionProperty.GetValue(options);

    /// <summary>The option's value in <paramref name="options"/>.</summary>
    public object? GetValue(ConductorOptions options) => Property.GetValue(SectionOf(options));

    /// <summary>
    /// Initializes the option on options still being built. The properties are init-only, so this is
    /// only for objects that nobody else has seen yet.
    /// </summary>
    public void Initialize(ConductorOptions building, object? value) => Property.SetValue(SectionOf(building), value);

    /// <summary>The option's default in <paramref name="release"/>, as JSON.</summary>
    public JsonElement DefaultFor(IronicRelease release) => Kind.Write(GetValue(OptionCatalog.DefaultsOf(release, driverSection)));

    /// <summary>
    /// What breaks the limits (numbers against <see cref="Minimum"/> and <see cref="Maximum"/>, strings
    /// against <see cref="MaximumLength"/> and their pattern), or null when <paramref name="value"/> is within them.
    /// </summary>
    public string? CheckLimits(object? value)
    {
        if (value is string text)
        {
            return text.Length > MaximumLength
                ? string.Create(CultureInfo.InvariantCulture, $"must be at most {MaximumLength} characters; got {text.Length}")
                : pattern?.IsValid(text) == false ? $"{pattern.ErrorMessage}; got \"{text}\""
                : null;
        }

        if (Kind.Magnitude(value) is not { } number)
        {
            return null;
        }

        var unit = Kind.Unit;
        return (Minimum, Maximum) switch
        {
            ({ } min, { } max) when number < min || number > max => Describe($"must be between {min} and {max}{unit}"),
            ({ } min, null) when number < min => Describe($"must be at least {min}{unit}"),
            (null, { } max) when number > max => Describe($"must be at most {max}{unit}"),
            _ => null,
        };

        string Describe(string rule) => string.Create(CultureInfo.InvariantCulture, $"{rule}; got {number}{unit}");
    }

    /// <summary>The limits a <see cref="RangeAttribute"/> declares, with the type's extremes meaning unbounded.</summary>
    private static (long? Minimum, long? Maximum) LimitsOf(PropertyInfo property, string name) =>
        property.GetCustomAttribute<RangeAttribute>() switch
        {
            null => (null, null),
            SecondsRangeAttribute seconds => (
                seconds.MinimumSeconds == long.MinValue ? null : seconds.MinimumSeconds,
                seconds.MaximumSeconds == long.MaxValue ? null : seconds.MaximumSeconds),
            { Minimum: int min, Maximum: int max } => (
                min == int.MinValue ? null : min,
                max == int.MaxValue ? null : max),
            _ => throw new InvalidOperationException($"{name}: limits must be integers or a SecondsRange."),
        };
}
