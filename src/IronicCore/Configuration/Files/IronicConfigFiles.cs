using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Configuration.Files;

/// <summary>
/// Ironic's configuration files (<c>--config-file ironic.conf</c>, repeatable), read as oslo.config
/// reads them for Ironic: later files win, an option given once a line (<c>MultiStrOpt</c>) collects
/// every line of every file, sections other than <c>DEFAULT</c> match in any case, and
/// <c>$name</c> references are substituted. <see cref="Resolve"/> turns them into option values for a
/// release. Immutable once read.
/// </summary>
public sealed class IronicConfigFiles
{
    private readonly ImmutableArray<OsloAssignment> assignments;

    private IronicConfigFiles(ImmutableArray<string> files, ImmutableArray<OsloAssignment> assignments)
    {
        Files = files;
        this.assignments = assignments;
    }

    /// <summary>No files: every option at its default.</summary>
    public static IronicConfigFiles None { get; } = new([], []);

    /// <summary>The files, in the order given.</summary>
    public ImmutableArray<string> Files { get; }

    /// <summary>Reads the files, in order.</summary>
    /// <param name="paths">The files; later ones win.</param>
    /// <returns>Their assignments.</returns>
    /// <exception cref="ConfigFileException">A file is missing or unreadable, or is not oslo INI; the message is oslo.config's.</exception>
    public static IronicConfigFiles Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = paths.ToImmutableArray();
        if (files.Where(file => !File.Exists(file)).ToList() is { Count: > 0 } missing)
        {
            throw new ConfigFileException(missing[0], null, null, $"Failed to find some config files: {string.Join(",", missing)}");
        }

        var read = new List<(string, string)>();
        foreach (var file in files)
        {
            try
            {
                read.Add((file, File.ReadAllText(file)));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new ConfigFileException(file, null, null, $"Failed to open some config files: {file} ({error.Message})");
            }
        }

        return FromText(read);
    }

    /// <summary>Files given as their names and texts, in order.</summary>
    internal static IronicConfigFiles FromText(IEnumerable<(string File, string Text)> files)
    {
        var list = files.ToList();
        return new([.. list.Select(file => file.File)], [.. list.SelectMany(file => OsloIniParser.Parse(file.File, file.Text))]);
    }

    /// <summary>
    /// The files' values for a conductor of <paramref name="release"/> carrying <paramref name="sections"/>,
    /// as Ironic would take them: each option IronicCore simulates converted by its oslo type and checked
    /// with its limits (<see cref="ConfigFileValues.Options"/>); the options the caller serves itself
    /// (<paramref name="hostOptions"/>, e.g. <c>DEFAULT.auth_strategy</c>, or <c>EnabledDriverOptions.Names</c>,
    /// which would otherwise be refused as not simulated) as text; every other section and
    /// option ignored, each with a note that tells an option of Ironic <paramref name="release"/> that
    /// IronicCore does not simulate from a name that is no option of it (which oslo.config ignores too).
    /// </summary>
    /// <param name="release">The release whose options and defaults apply.</param>
    /// <param name="sections">The driver sections the conductor carries (<see cref="ConductorOptions.DriverSections"/>).</param>
    /// <param name="hostOptions">The <c>"section.option"</c> names the caller reads itself.</param>
    /// <returns>The values, checked together by <see cref="ConductorOptions.FromNames"/>.</returns>
    /// <exception cref="ConfigFileException">
    /// A value Ironic refuses (oslo's message), an option IronicCore does not simulate, or options that
    /// break Ironic's rules; the message names the file, line, section and option.
    /// </exception>
    public ConfigFileValues Resolve(IronicRelease release, IEnumerable<OptionSection>? sections, IEnumerable<string> hostOptions)
    {
        ArgumentNullException.ThrowIfNull(hostOptions);
        ImmutableArray<OptionSection> carried = [.. sections ?? []];
        var catalog = OptionCatalog.For(carried);
        var host = hostOptions.ToHashSet(StringComparer.Ordinal);
        var given = assignments.GroupBy(a => (a.Section, a.Key)).ToList();
        var last = given.ToDictionary(group => $"{group.Key.Section}.{group.Key.Key}", group => group.Last(), StringComparer.Ordinal);
        var template = new OsloTemplate(
            (section, option) => last.TryGetValue($"{section}.{option}", out var at) ? at.Value : null,
            name => catalog.TryFind(name, release, out var entry) ? entry.DefaultFor(release) : null);

        var options = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        var hostValues = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var hostLocations = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var ignored = new List<OsloAssignment>();
        var taken = new List<string>();
        foreach (var group in given)
        {
            var (section, key) = group.Key;
            var name = $"{section}.{key}";
            var at = group.Last();
            if (catalog.TryFind(name, release, out var entry))
            {
                options[name] = Attributed(at, () => OsloValues.Convert(
                    entry, entry.Multiple ? [.. group.Select(a => template.Substitute(a.Value, section))] : [template.Substitute(at.Value, section)]));
            }
            else if (host.Contains(name))
            {
                hostValues[name] = Attributed(at, () => template.Substitute(at.Value, section));
                hostLocations[name] = Where(at);
            }
            else if (catalog.TryFindNotSimulated(name, release, out var notSimulated))
            {
                if (!notSimulated.AnswersAsSet
                    && !(notSimulated.AnswersAtDefault is { } atDefault
                        && OsloValues.List(template.Substitute(at.Value, section)).SequenceEqual(OsloValues.List(atDefault))))
                {
                    throw new ConfigFileException(at.File, section, key, $"{Where(at)}: {new OptionNotSimulatedException(name, notSimulated.Reason).Message}");
                }

                taken.Add($"{Where(at)}: taken; IronicCore answers as Ironic does with it set: {notSimulated.Reason}");
            }
            else
            {
                ignored.Add(at);
            }
        }

        var built = Check(release, options.ToImmutable(), carried, last);
        return new ConfigFileValues(built, options.ToImmutable(), hostValues.ToImmutable(), hostLocations.ToImmutable(), [.. taken, .. Notes(ignored, catalog, release)]);
    }

    private static string Where(OsloAssignment at) => $"{at.Location}: [{at.Section}] {at.Key}";

    /// <summary>Runs a conversion, naming the assignment in oslo's words when it fails.</summary>
    private static T Attributed<T>(OsloAssignment at, Func<T> convert)
    {
        try
        {
            return convert();
        }
        catch (FormatException error)
        {
            throw new ConfigFileException(at.File, at.Section, at.Key, $"{Where(at)}: Value for option {at.Key} is not valid: {error.Message}");
        }
    }

    /// <summary>The options built and checked as a whole, an error naming the file and line of the option at fault.</summary>
    private static ConductorOptions Check(
        IronicRelease release, ImmutableSortedDictionary<string, JsonElement> options, ImmutableArray<OptionSection> sections, Dictionary<string, OsloAssignment> last)
    {
        try
        {
            return ConductorOptions.FromNames(release, options, sections);
        }
        catch (Exception error) when (error is IronicException or ArgumentException)
        {
            var option = error switch
            {
                OptionTypeMismatchException mismatch => mismatch.Option,
                IncorrectConfigurationException incorrect => incorrect.Errors[0].Option,
                _ => options.Keys.FirstOrDefault(name => error.Message.Contains(name, StringComparison.Ordinal)),
            };
            if (option is not null && last.TryGetValue(option, out var at))
            {
                throw new ConfigFileException(at.File, at.Section, at.Key, $"{Where(at)}: {error.Message}");
            }

            var file = last.Values.FirstOrDefault()?.File ?? string.Empty;
            throw new ConfigFileException(file, null, null, $"{file}: {error.Message}");
        }
    }

    /// <summary>
    /// One note per section and reason of what is ignored: an option of the release that IronicCore does
    /// not simulate, or a name that is no option of the release (a later or an earlier release's, or none).
    /// </summary>
    private static ImmutableArray<string> Notes(List<OsloAssignment> ignored, OptionCatalog catalog, IronicRelease release)
    {
        var notes = ImmutableArray.CreateBuilder<string>();
        var ironic = $"Ironic {release.ToIronicName()}";
        foreach (var section in ignored.GroupBy(at => (at.File, at.Section)))
        {
            var (file, name) = section.Key;
            foreach (var kind in section.GroupBy(at => KindOf($"{at.Section}.{at.Key}", catalog, release)).OrderBy(kind => kind.Key))
            {
                var keys = kind.Select(at => at.Key).ToList();
                var why = kind.Key switch
                {
                    Ignored.NotSimulated when keys.Count == 1 => $"an option of {ironic} that IronicCore does not simulate",
                    Ignored.NotSimulated => $"options of {ironic} that IronicCore does not simulate",
                    Ignored.Later => $"not an option of {ironic} (a later release's)",
                    Ignored.Earlier => $"not an option of {ironic} (an earlier release's)",
                    _ => $"not an option of {ironic} (oslo.config ignores what nothing registers)",
                };
                notes.Add($"{file}: [{name}] {string.Join(", ", keys)}: ignored, {why}");
            }
        }

        return notes.ToImmutable();
    }

    /// <summary>Why a name is ignored: Ironic's lists of each release say whether it is an option, and of which release.</summary>
    private static Ignored KindOf(string name, OptionCatalog catalog, IronicRelease release)
    {
        if (IronicOptionNames.For(release).Contains(name))
        {
            return Ignored.NotSimulated;
        }

        var others = Enum.GetValues<IronicRelease>()
            .Where(other => other != release && (IronicOptionNames.For(other).Contains(name) || catalog.TryFind(name, other, out _)))
            .ToList();
        return others.Any(other => ReleaseProfile.For(other).IsAtLeast(release)) ? Ignored.Later
            : others.Count > 0 ? Ignored.Earlier
            : Ignored.Unknown;
    }

    /// <summary>Why a file's option is ignored, in the order the notes give them.</summary>
    private enum Ignored
    {
        NotSimulated,
        Later,
        Earlier,
        Unknown,
    }
}
