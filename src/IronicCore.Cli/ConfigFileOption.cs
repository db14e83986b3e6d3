using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Configuration;
using IronicCore.Configuration.Files;
using IronicCore.States;

namespace IronicCore.Cli;

/// <summary>
/// <c>--config-file ironic.conf</c> (repeatable, later files winning) for <c>scenario</c>, <c>fleet</c>
/// and <c>serve</c>: the files' options lie beneath a scenario or fleet file's own <c>options</c>, which
/// win option by option, so a committed scenario still prints what its oracle printed.
/// </summary>
internal static class ConfigFileOption
{
    public const string Template = "--config-file <FILE>";

    public const string Description =
        "An Ironic configuration file (oslo.config INI, e.g. /etc/ironic/ironic.conf); repeatable, later files win. Options a scenario or fleet file sets win over it. See docs/options.md.";

    /// <summary>The files given, or none.</summary>
    /// <exception cref="ConfigFileException">A file is missing, unreadable or not oslo INI.</exception>
    public static IronicConfigFiles Load(string[] paths) => paths.Length == 0 ? IronicConfigFiles.None : IronicConfigFiles.Load(paths);

    /// <summary>The files' values for <paramref name="release"/>, their notes written to <paramref name="notes"/>.</summary>
    /// <exception cref="ConfigFileException">A value Ironic refuses, or an option IronicCore does not simulate.</exception>
    public static ConfigFileValues Resolve(
        IronicConfigFiles files, IronicRelease release, IEnumerable<OptionSection>? sections, TextWriter notes, params string[] hostOptions)
    {
        var values = files.Resolve(release, sections, hostOptions);
        foreach (var note in values.Notes)
        {
            notes.WriteLine($"ironic-sim: note: {note}");
        }

        return values;
    }

    /// <summary>
    /// A scenario or fleet file's JSON with the files' options added under its <c>options</c> where it
    /// sets none of its own, read for the file's <c>ironic_release</c> (else <paramref name="defaultRelease"/>).
    /// A file whose JSON its own parser will refuse is returned as it is, for that parser's error.
    /// </summary>
    /// <exception cref="ConfigFileException">A value Ironic refuses, or an option IronicCore does not simulate.</exception>
    public static (string Json, ConfigFileValues? Values) Beneath(
        string json, IronicConfigFiles files, IronicRelease defaultRelease, IEnumerable<OptionSection>? sections, TextWriter notes, params string[] hostOptions)
    {
        if (files.Files.IsEmpty || Parse(json) is not { } root)
        {
            return (json, null);
        }

        var release = defaultRelease;
        if (root["ironic_release"] is { } named && !(named is JsonValue value && value.TryGetValue<string>(out var name) && IronicNames.TryParse(name, out release)))
        {
            return (json, null);
        }

        if (!root.ContainsKey("options"))
        {
            root["options"] = new JsonObject();
        }

        if (root["options"] is not JsonObject own)
        {
            return (json, null);
        }

        var values = Resolve(files, release, sections, notes, hostOptions);
        foreach (var (option, setting) in values.Options.Where(pair => !own.ContainsKey(pair.Key)))
        {
            own[option] = JsonNode.Parse(setting.GetRawText());
        }

        return (root.ToJsonString(), values);
    }

    private static JsonObject? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
