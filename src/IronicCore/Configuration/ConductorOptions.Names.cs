using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Configuration;

/// <content>Options by Ironic's <c>"section.option"</c> names, as scenario files and the REST API give them.</content>
public sealed partial class ConductorOptions
{
    /// <summary>
    /// Builds and validates the options of <paramref name="release"/> from values given by name, such as
    /// a scenario file's <c>options</c> block: <c>{"conductor.clean_callback_timeout": 1800}</c>. Options
    /// not given keep the release's defaults.
    /// </summary>
    /// <remarks>
    /// <para>
    /// JSON forms: booleans, integers, strings; durations as integer seconds; lists as arrays of
    /// strings (<c>conductor.clean_step_priority_override</c> as <c>"interface.step:priority"</c>
    /// strings); dictionaries as objects of strings; choices by Ironic's name; <c>null</c> for options
    /// that may be unset. Names and types are checked first, in name order, and the first problem is
    /// thrown; then every limit and rule is checked at once, as <see cref="Validate"/> does.
    /// </para>
    /// <para>
    /// The options of a driver package's section (<c>[ipmi]</c>, <c>[pxe]</c>, ...) are options here only
    /// when <paramref name="sections"/> brings the section: whoever reads a file for a conductor that
    /// runs the driver passes it (e.g. <c>[new IpmiOptions()]</c>), so a file naming an option of a
    /// driver the conductor does not run is refused.
    /// </para>
    /// </remarks>
    /// <param name="release">The Ironic release whose options, defaults and rules apply.</param>
    /// <param name="values">Option values by <c>"section.option"</c> name.</param>
    /// <param name="sections">
    /// The driver sections the options carry (<see cref="DriverSections"/>), at the values that options
    /// not named keep; the given objects are not changed. Null or empty for none.
    /// </param>
    /// <returns>New, validated options.</returns>
    /// <exception cref="ArgumentException"><paramref name="sections"/> holds a null.</exception>
    /// <exception cref="InvalidParameterValueException">
    /// A name is no option of Ironic <paramref name="release"/>, an option of another release only
    /// included (the error lists the valid names), or a choice is not one of the option's values.
    /// </exception>
    /// <exception cref="OptionNotSimulatedException">
    /// A name is an option of Ironic <paramref name="release"/> that these options do not simulate,
    /// whatever its value: one IronicCore refuses with its reason (<see cref="NotSimulatedOptionAttribute"/>),
    /// any other option that Ironic release registers (including those of a driver section not given),
    /// or one of their deprecated names.
    /// </exception>
    /// <exception cref="OptionTypeMismatchException">A value has the wrong JSON type.</exception>
    /// <exception cref="IncorrectConfigurationException">
    /// Values break Ironic's limits or rules, or a section is given twice; every problem is listed.
    /// </exception>
    public static ConductorOptions FromNames(
        IronicRelease release, IReadOnlyDictionary<string, JsonElement> values, IEnumerable<OptionSection>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ImmutableArray<OptionSection> carried = [.. (sections ?? []).Select(section =>
            section?.Copy() ?? throw new ArgumentException("The driver sections must not contain null.", nameof(sections)))];
        var structure = ImmutableArray.CreateBuilder<OptionError>();
        CheckDriverSections(carried, structure);
        if (structure.Count > 0)
        {
            throw new IncorrectConfigurationException(structure.ToImmutable());
        }

        var options = new ConductorOptions(release) { DriverSections = carried };
        var catalog = OptionCatalog.For(carried);
        var parsed = new List<(OptionEntry Entry, object? Value)>(values.Count);
        foreach (var (name, json) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!catalog.TryFind(name, release, out var entry))
            {
                if (catalog.TryFindNotSimulated(name, release, out var notSimulated))
                {
                    throw new OptionNotSimulatedException(name, notSimulated.Reason);
                }

                // A real option of Ironic copied from an ironic.conf must not be told it does not exist.
                if (catalog.TryFindUnmodelled(name, release, out var reason))
                {
                    throw new OptionNotSimulatedException(name, reason);
                }

                throw new InvalidParameterValueException("option", name, catalog.NamesIn(release));
            }

            parsed.Add((entry, entry.Kind.Read(entry.Name, json)));
        }

        // Every value read: only now does anything land on the new options.
        foreach (var (entry, value) in parsed)
        {
            entry.Initialize(options, value);
        }

        options.Validate();
        return options;
    }

    /// <summary>
    /// Every option of <see cref="Release"/> by <c>"section.option"</c> name, the carried driver sections'
    /// included, in the JSON forms <see cref="FromNames"/> takes, ordered by name:
    /// <c>FromNames(Release, ToNames(), DriverSections)</c> rebuilds equal options.
    /// </summary>
    /// <returns>The options by name.</returns>
    /// <exception cref="IncorrectConfigurationException">The options are not valid; every problem is listed.</exception>
    public ImmutableSortedDictionary<string, JsonElement> ToNames()
    {
        // Unchecked values (null sections, fractional seconds) have no faithful JSON form.
        Validate();
        return OptionCatalog.For(DriverSections).Entries
            .Where(entry => entry.ExistsIn(Release))
            .ToImmutableSortedDictionary(entry => entry.Name, entry => entry.Kind.Write(entry.GetValue(this)), StringComparer.Ordinal);
    }
}
