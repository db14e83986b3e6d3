using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Errors;

namespace IronicCore.Tests.Conductor;

/// <summary>Option values by name, written as the JSON object of a scenario file's <c>options</c> block.</summary>
internal static class OptionValues
{
    public static IReadOnlyDictionary<string, JsonElement> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    public static IReadOnlyDictionary<string, JsonElement> Of(string name, string json) =>
        new Dictionary<string, JsonElement> { [name] = JsonDocument.Parse(json).RootElement.Clone() };

    /// <summary>Every option as JSON text, so whole configurations compare by content.</summary>
    public static IReadOnlyDictionary<string, string> Texts(ConductorOptions options) =>
        options.ToNames().ToDictionary(pair => pair.Key, pair => pair.Value.GetRawText(), StringComparer.Ordinal);
}
