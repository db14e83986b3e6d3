using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Versioning;

namespace IronicCore.Api.Ports;

/// <summary>
/// An Ironic object schema (no unknown properties, some required, typed members), checked in
/// jsonschema's order of relevance: required, unknown, <paramref name="Alternatives"/>, member types.
/// </summary>
/// <param name="Fields">The properties, each with the version whose release first has it.</param>
/// <param name="Required">The properties that must be present, by the version whose release requires them.</param>
/// <param name="Alternatives">A check between the unknown properties and the types (a <c>oneOf</c>), or null.</param>
internal sealed record ObjectSchema(SchemaField[] Fields, (string Name, Func<ApiVersion, bool> When)[] Required, Action<string, JsonObject, ApiVersion>? Alternatives = null)
{
    /// <summary>The fields a release's schema has, in the schema's order.</summary>
    public IEnumerable<SchemaField> Known(ApiVersion maximum) => Fields.Where(f => maximum.Allows(f.Since));

    /// <summary>Refuses the document (400, <c>Schema error for {name}: ...</c>) as the release's schema would.</summary>
    public void Check(string name, JsonObject document, ApiVersion maximum)
    {
        foreach (var (required, when) in Required)
        {
            if (when(maximum) && !document.ContainsKey(required))
            {
                throw ApiFault.BadRequest($"Schema error for {name}: '{required}' is a required property");
            }
        }

        var known = Known(maximum).ToList();
        var extra = document.Select(p => p.Key).Where(k => known.All(f => f.Name != k)).ToList();
        if (extra.Count > 0)
        {
            throw ApiFault.BadRequest(
                $"Schema error for {name}: Additional properties are not allowed ({string.Join(", ", extra.Select(k => $"'{k}'"))} {(extra.Count == 1 ? "was" : "were")} unexpected)");
        }

        Alternatives?.Invoke(name, document, maximum);
        foreach (var field in known.Where(f => document.ContainsKey(f.Name)))
        {
            field.Check(name, document[field.Name]);
        }
    }

    /// <summary>The document without what the schema does not name (Ironic's <c>patched_validate_with_schema</c>).</summary>
    public JsonObject Prune(JsonObject document, ApiVersion maximum)
    {
        var known = Known(maximum).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in document.Select(p => p.Key).Where(k => !known.Contains(k)).ToList())
        {
            document.Remove(key);
        }

        return document;
    }

    /// <summary>Replaces a present, non-null value by what its validator makes of it (Ironic's <c>dict_valid</c>).</summary>
    public static void Normalize(JsonObject document, string field, Func<JsonNode?, object?> check)
    {
        if (document.TryGetPropertyValue(field, out var value) && value is not null)
        {
            document[field] = check(value) switch
            {
                JsonNode node => node,
                string text => text,
                bool flag => flag,
                _ => null,
            };
        }
    }
}
