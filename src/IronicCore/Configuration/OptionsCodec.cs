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

    public static ConductorOptions ReadOptions(ref MessagePackReader reader)
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
            return ConductorOptions.FromNames(release, values);
        }
        catch (Exception error) when (error is IronicException or IncorrectConfigurationException)
        {
            throw new MessagePackSerializationException($"the options do not load: {error.Message}", error);
        }
    }
}
