using System.Text.Json.Nodes;
using IronicCore.Api.Errors;

namespace IronicCore.Api.Http;

/// <summary>
/// Ironic's <c>check_for_invalid_fields</c> and <c>sanitize_dict</c> on an object rendered with
/// every field: an unknown field is 400, the fields not asked for go (<c>links</c> always stays).
/// </summary>
internal static class FieldSelection
{
    /// <summary>Keeps the asked-for fields of <paramref name="json"/>; null keeps them all.</summary>
    public static JsonObject Apply(JsonObject json, IReadOnlyCollection<string>? fields)
    {
        if (fields is null)
        {
            return json;
        }

        var invalid = fields.Where(f => !json.ContainsKey(f)).ToList();
        if (invalid.Count > 0)
        {
            throw ApiFault.BadRequest($"Field(s) \"{string.Join(", ", invalid)}\" are not valid");
        }

        foreach (var name in json.Select(p => p.Key).Where(k => k != "links" && !fields.Contains(k)).ToList())
        {
            json.Remove(name);
        }

        return json;
    }
}
