using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.InspectionRules;

namespace IronicCore.Api.InspectionRules;

/// <summary>
/// A rule as Ironic master's API shows it: links under <c>inspection</c> (not
/// <c>inspection_rules</c>, as Ironic writes them), conditions and actions reduced to
/// <c>op</c>, <c>args</c> and a non-empty <c>loop</c> (conditions with a loop also say
/// <c>multiple</c>), and a sensitive rule's conditions and actions hidden as null.
/// </summary>
internal static class InspectionRuleRenderer
{
    /// <summary>The fields a list shows without <c>detail</c> or <c>fields</c>.</summary>
    public static readonly string[] ListDefault = ["uuid", "priority", "phase", "description"];

    public static JsonObject Render(InspectionRuleView rule, string baseUrl, IReadOnlyCollection<string>? fields)
    {
        var document = new JsonObject
        {
            ["uuid"] = rule.Uuid,
            ["created_at"] = Timestamps.Format(rule.CreatedAt),
            ["updated_at"] = Timestamps.Format(rule.UpdatedAt),
            ["description"] = rule.Description,
            ["priority"] = rule.Priority,
            ["sensitive"] = rule.Sensitive,
            ["phase"] = rule.Phase,
            ["conditions"] = rule.Sensitive ? null : Steps(rule.Conditions, conditions: true),
            ["actions"] = rule.Sensitive ? null : Steps(rule.Actions, conditions: false),
            ["links"] = Links.Pair(baseUrl, $"inspection/{rule.Uuid}"),
        };
        if (fields is null)
        {
            return document;
        }

        var invalid = fields.Where(f => !document.ContainsKey(f)).ToList();
        if (invalid.Count > 0)
        {
            throw ApiFault.BadRequest($"Field(s) \"{string.Join(", ", invalid)}\" are not valid");
        }

        foreach (var key in document.Select(p => p.Key).Where(k => k != "links" && !fields.Contains(k)).ToList())
        {
            document.Remove(key);
        }

        return document;
    }

    /// <summary>The rule as Ironic's <c>as_dict()</c> gives it to a JSON patch: every column, raw conditions and actions.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="id">The rule's database id.</param>
    public static JsonObject Document(InspectionRuleView rule, int id) => new()
    {
        ["id"] = id,
        ["uuid"] = rule.Uuid,
        ["created_at"] = Timestamps.Format(rule.CreatedAt),
        ["updated_at"] = Timestamps.Format(rule.UpdatedAt),
        ["description"] = rule.Description,
        ["priority"] = rule.Priority,
        ["sensitive"] = rule.Sensitive,
        ["phase"] = rule.Phase,
        ["scope"] = null,
        ["conditions"] = JsonElements.ToNode(rule.Conditions),
        ["actions"] = JsonElements.ToNode(rule.Actions),
    };

    private static JsonArray Steps(JsonElement stored, bool conditions)
    {
        var shown = new JsonArray();
        foreach (var step in JsonElements.ToNode(stored)!.AsArray().OfType<JsonObject>())
        {
            var entry = new JsonObject { ["op"] = step["op"]?.DeepClone(), ["args"] = step["args"]?.DeepClone() };
            if (step["loop"] is JsonArray { Count: > 0 } or JsonObject { Count: > 0 })
            {
                entry["loop"] = step["loop"]!.DeepClone();
                if (conditions)
                {
                    entry["multiple"] = step["multiple"]?.DeepClone() ?? "any";
                }
            }

            shown.Add(entry);
        }

        return shown;
    }
}
