using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IronicCore.Api.Errors;
using IronicCore.Api.Patch;

namespace IronicCore.Api.Nodes;

/// <summary>
/// Ironic's trait names (<c>TRAITS_SCHEMA</c>): 1 to 255 characters, either one of os-traits'
/// standard names or <c>CUSTOM_</c> and upper-case letters, digits and underscores. Errors are
/// jsonschema's, as Ironic words them; the conductor keeps the limit of traits a node.
/// </summary>
internal static partial class TraitRules
{
    private const string CustomPattern = "^CUSTOM_[A-Z0-9_]+$";

    private static readonly FrozenSet<string> Standard = LoadStandard();

    /// <summary>Checks one trait given as <paramref name="schema"/> (a path segment, or an item of a body's list).</summary>
    /// <exception cref="ApiFault">400, "Schema error for <paramref name="schema"/>: ...".</exception>
    public static string Check(string schema, JsonNode? value)
    {
        if (value is not JsonValue text || !text.TryGetValue<string>(out var trait))
        {
            throw SchemaError(schema, $"{PythonRepr.Of(value)} is not of type 'string'");
        }

        var repr = PythonRepr.Of(value);
        if (trait.Length == 0)
        {
            throw SchemaError(schema, $"{repr} is too short");
        }

        if (trait.Length > 255)
        {
            throw SchemaError(schema, $"{repr} is too long");
        }

        if (!Standard.Contains(trait) && !Custom().IsMatch(trait))
        {
            throw SchemaError(schema, $"{repr} is not valid under any of the given schemas. Possible root cause: {repr} does not match '{CustomPattern}'");
        }

        return trait;
    }

    /// <summary>The body's <c>traits</c> list, checked against Ironic's schema; null when the body has none.</summary>
    public static List<string>? BodyTraits(JsonNode? body)
    {
        switch (body)
        {
            case null:
                return null;
            case not JsonObject:
                throw SchemaError("body", $"{PythonRepr.Of(body)} is not of type 'object'");
        }

        var document = (JsonObject)body;
        if (document.Select(p => p.Key).FirstOrDefault(k => k != "traits") is { } extra)
        {
            throw SchemaError("body", $"Additional properties are not allowed ('{extra}' was unexpected)");
        }

        if (!document.TryGetPropertyValue("traits", out var traits))
        {
            return null;
        }

        return traits is JsonArray list
            ? [.. list.Select(item => Check("body", item))]
            : throw SchemaError("body", $"{PythonRepr.Of(traits)} is not of type 'array'");
    }

    public static ApiFault SchemaError(string schema, string message) => ApiFault.BadRequest($"Schema error for {schema}: {message}");

    private static FrozenSet<string> LoadStandard()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("StandardTraits.txt")
            ?? throw new InvalidOperationException("The standard traits resource is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToFrozenSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(CustomPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Custom();
}
