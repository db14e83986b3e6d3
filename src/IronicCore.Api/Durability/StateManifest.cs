using System.Text.Json.Serialization;

namespace IronicCore.Api.Durability;

/// <summary>
/// <c>state.json</c>: what a state directory was started with (the release profile, the clock,
/// the options that seeded it) and which library wrote its journal.
/// </summary>
internal sealed record StateManifest(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("release")] string Release,
    [property: JsonPropertyName("clock")] string Clock,
    [property: JsonPropertyName("library")] string Library,
    [property: JsonPropertyName("started_with")] IReadOnlyDictionary<string, string> StartedWith)
{
    public const int CurrentFormat = 1;
}
