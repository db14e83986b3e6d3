using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronicCore.Fleet;

/// <summary>
/// Checks a fleet scenario file's keys and values against the shape its reader binds them to, so that
/// each problem is told in the file's own terms: the path of the bad key (<c>$.workload.mean_lease</c>,
/// <c>$.faults[2].kind</c>) and the value it takes, never a .NET type's name.
/// </summary>
internal static class FleetScenarioFileCheck
{
    /// <summary>The JSON path of the file's top-level object.</summary>
    public const string Root = "$";

    /// <exception cref="FormatException">The first key or value that does not fit.</exception>
    public static void Check(JsonNode? node, Type type, JsonSerializerOptions options, string path)
    {
        if (node is null)
        {
            throw Bad(path, $"takes {Expected(type)}, not null");
        }

        if (Scalar(type) is { } fits)
        {
            if (!fits(node))
            {
                throw Bad(path, $"takes {Expected(type)}, not {node.ToJsonString()}");
            }

            return;
        }

        if (Dictionary(type) is { } valueType)
        {
            foreach (var (key, value) in node as JsonObject ?? throw Bad(path, $"takes {Expected(type)}, not {node.ToJsonString()}"))
            {
                Check(value, valueType, options, $"{path}.{key}");
            }

            return;
        }

        if (Element(type) is { } elementType)
        {
            var index = 0;
            foreach (var element in node as JsonArray ?? throw Bad(path, $"takes {Expected(type)}, not {node.ToJsonString()}"))
            {
                Check(element, elementType, options, $"{path}[{index++}]");
            }

            return;
        }

        var keys = options.GetTypeInfo(type).Properties.ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.Ordinal);
        foreach (var (key, value) in node as JsonObject ?? throw Bad(path, $"takes {Expected(type)}, not {node.ToJsonString()}"))
        {
            var at = $"{path}.{key}";
            if (!keys.TryGetValue(key, out var keyType))
            {
                var known = keys.Keys.Order(StringComparer.Ordinal);
                throw Bad(at, $"unknown key; {(path == Root ? "a fleet scenario's keys are" : $"{path} takes")} {string.Join(", ", known)} (see docs/fleet.md)");
            }

            Check(value, keyType, options, at);
        }
    }

    /// <summary>What a value of <paramref name="type"/> is, as the file spells it.</summary>
    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(int) => "a whole number",
        _ when type == typeof(ulong) => "a whole number from 0 to 18446744073709551615",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) => "a string",
        _ when type == typeof(TimeSpan) => "a duration d.hh:mm:ss, e.g. \"3.00:00:00\" or \"00:15:00\"",
        { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type).Select(n => $"\"{JsonNamingPolicy.SnakeCaseLower.ConvertName(n)}\""))}",
        _ when Dictionary(type) is { } value => $"an object whose values are each {Expected(value)}",
        _ when Element(type) is not null => "a list",
        _ => "an object",
    };

    /// <summary>The test a JSON value of a scalar type passes; null for lists and objects.</summary>
    private static Func<JsonNode, bool>? Scalar(Type type) => type switch
    {
        _ when type == typeof(int) => node => node is JsonValue value && value.TryGetValue<int>(out _),
        _ when type == typeof(ulong) => node => node is JsonValue value && value.TryGetValue<ulong>(out _),
        _ when type == typeof(double) => node => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number,
        _ when type == typeof(bool) => node => node.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        _ when type == typeof(string) => node => node.GetValueKind() == JsonValueKind.String,
        _ when type == typeof(TimeSpan) => node => Text(node) is { } text && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out _),
        { IsEnum: true } => node => Text(node) is { } text && Enum.GetNames(type).Any(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n) == text),
        _ => null,
    };

    private static string? Text(JsonNode node) => node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    /// <summary>The value type of a dictionary keyed by string (an object with free keys); null for anything else.</summary>
    private static Type? Dictionary(Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))?.GetGenericArguments()[1];

    /// <summary>The element type of a list (not a string, not a dictionary); null for anything else.</summary>
    private static Type? Element(Type type) =>
        type == typeof(string) || Dictionary(type) is not null
            ? null
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static FormatException Bad(string path, string problem) => new($"{path}: {problem}");
}
