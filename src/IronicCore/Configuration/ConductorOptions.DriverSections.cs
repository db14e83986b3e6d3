using System.Collections.Immutable;

namespace IronicCore.Configuration;

/// <content>The sections driver packages bring.</content>
public sealed partial class ConductorOptions
{
    private readonly ImmutableArray<OptionSection> driverSections = [];

    /// <summary>
    /// The sections of Ironic's configuration that driver packages bring, such as
    /// IronicCore.Drivers.Ipmi's <c>[ipmi]</c> (<c>new IpmiOptions { ... }</c>), one of each. Their options
    /// are read, written and checked with the conductor's own; a driver whose section is not carried
    /// runs on the section's defaults, and an option of a section not carried is not an option here.
    /// </summary>
    /// <value>Default: none. An uninitialized array counts as none.</value>
    public ImmutableArray<OptionSection> DriverSections
    {
        get => driverSections;
        init => driverSections = value.IsDefault ? [] : value;
    }

    /// <summary>The driver section of type <typeparamref name="TSection"/>, e.g. <c>GetSection&lt;IpmiOptions&gt;()</c>.</summary>
    /// <typeparam name="TSection">The section's class.</typeparam>
    /// <returns>The section; null when these options do not carry it.</returns>
    public TSection? GetSection<TSection>()
        where TSection : OptionSection =>
        (TSection?)FindDriverSection(typeof(TSection));

    /// <summary>The driver section of exactly this class, or null.</summary>
    internal OptionSection? FindDriverSection(Type section)
    {
        foreach (var candidate in driverSections)
        {
            if (candidate?.GetType() == section)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// What is wrong with <paramref name="sections"/> as a whole: a null, a section given twice, or one
    /// that takes the name of a conductor's own section. Their options are checked only when nothing is.
    /// </summary>
    internal static void CheckDriverSections(ImmutableArray<OptionSection> sections, ImmutableArray<OptionError>.Builder errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            if (section is null)
            {
                errors.Add(new OptionError(nameof(DriverSections), "must not contain null"));
                continue;
            }

            var name = OptionCatalog.SectionNameOf(section);
            if (OptionCatalog.CoreSections.Contains(name))
            {
                errors.Add(new OptionError(name, $"is a section of the conductor's own; {section.GetType().Name} cannot take its name"));
            }
            else if (!seen.Add(name))
            {
                errors.Add(new OptionError(name, "is given twice"));
            }
        }
    }
}
