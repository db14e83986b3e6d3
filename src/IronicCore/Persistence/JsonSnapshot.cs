using System.Collections.Immutable;
using System.Text.Json;
using MessagePack;

namespace IronicCore.Persistence;

/// <summary>
/// How a snapshot writes Ironic's JSON values, dictionary fields and string sets: a value or a
/// dictionary as its JSON text (key order kept), a set as an array in its order. Text that does
/// not parse (a dictionary: as a JSON object) is corrupted.
/// </summary>
internal static class JsonSnapshot
{
    public static void Write(ref MessagePackWriter writer, JsonElement value) => writer.Write(value.GetRawText());

    /// <summary>A JSON value written as its text.</summary>
    public static JsonElement ReadJson(ref MessagePackReader reader, string what)
    {
        try
        {
            return JsonElement.Parse(SnapshotCodec.ReadText(ref reader, what));
        }
        catch (JsonException error)
        {
            throw new MessagePackSerializationException($"{what} is not JSON", error);
        }
    }

    public static JsonElement ReadObject(ref MessagePackReader reader, string what)
    {
        var text = SnapshotCodec.ReadText(ref reader, what);
        JsonElement value;
        try
        {
            value = JsonElement.Parse(text);
        }
        catch (JsonException error)
        {
            throw new MessagePackSerializationException($"{what} is not JSON: {error.Message}", error);
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw new MessagePackSerializationException($"{what} is not a JSON object");
    }

    public static void Write(ref MessagePackWriter writer, ImmutableSortedSet<string> values)
    {
        writer.WriteArrayHeader(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    public static ImmutableSortedSet<string> ReadSet(ref MessagePackReader reader, string what)
    {
        var builder = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            builder.Add(SnapshotCodec.ReadText(ref reader, what));
        }

        return builder.ToImmutable();
    }
}
