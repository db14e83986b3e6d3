using System.Text.Json;
using IronicCore.Errors;
using IronicCore.States;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Configuration;

/// <summary>Options in a snapshot: their release, and Ironic's names with JSON values.</summary>
internal static class OptionsCodec
{
    /// <summary>The options as their release and Ironic names with JSON values (<see cref="ConductorOptions.ToNames"/>).</summary>
    public static void Write(ref MessagePackWriter writer, ConductorOptions options)
    {
        var names = options.ToNames();
        writer.WriteArrayHeader(2);
        writer.Write((int)options.Release);
        writer.WriteMapHeader(names.Count);
        foreach (var (name, value) in names)
        {
            writer.Write(name);
            writer.Write(value.GetRawText());
        }
    }

    /// <summary>
    /// The options <see cref="Write(ref MessagePackWriter, ConductorOptions)"/> wrote. Of
    /// <paramref name="driverSections"/>, those the snapshot names are carried again; a name of any
    /// other section is refused.
    /// </summary>
    public static ConductorOptions ReadOptions(ref MessagePackReader reader, IEnumerable<OptionSection>? driverSections)
    {
        Expect(ref reader, 2, "the options");
        var release = ReadEnum<IronicRelease>(ref reader);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var count = reader.ReadMapHeader(); count > 0; count--)
        {
            var name = ReadText(ref reader, "an option's name");
            try
            {
                using var json = JsonDocument.Parse(ReadText(ref reader, "an option's value"));
                values[name] = json.RootElement.Clone();
            }
            catch (JsonException error)
            {
                throw new MessagePackSerializationException($"option {name} is not JSON", error);
            }
        }

        try
        {
            // A section's code is not saved, its values are: carry again the sections the snapshot names.
            var named = driverSections?.Where(section => section is null
                || values.Keys.Any(name => name.StartsWith(OptionCatalog.SectionNameOf(section) + ".", StringComparison.Ordinal))).ToList();

            // Older snapshots hold options that were accepted then and never read: they are refused now, and dropped here.
            var notSimulated = OptionCatalog.For(named is null ? [] : [.. named.OfType<OptionSection>()]).NotSimulated;
            foreach (var name in values.Keys.Where(notSimulated.ContainsKey).ToList())
            {
                values.Remove(name);
            }

            return ConductorOptions.FromNames(release, values, named);
        }
        catch (Exception error) when (error is IronicException or IncorrectConfigurationException)
        {
            throw new MessagePackSerializationException($"the options do not load: {error.Message}", error);
        }
    }
}
