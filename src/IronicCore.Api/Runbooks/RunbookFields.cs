using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Versioning;
using IronicCore.Runbooks;

namespace IronicCore.Api.Runbooks;

/// <summary>Ironic's runbook object, field by field: <c>description</c> and <c>traits</c> from 1.112; steps' secrets masked.</summary>
internal static class RunbookFields
{
    /// <summary>Runbook traits, the relaxed name and <c>description</c>.</summary>
    public const int TraitsSince = 112;

    /// <summary>The fields a list shows without <c>detail</c> or <c>fields</c>.</summary>
    public static readonly string[] ListDefault = ["uuid", "name"];

    public static JsonObject Render(RunbookView runbook, ApiVersion version, string baseUrl, IReadOnlyCollection<string>? fields = null)
    {
        var json = new JsonObject
        {
            ["uuid"] = runbook.Uuid,
            ["created_at"] = Timestamps.Format(runbook.CreatedAt),
            ["updated_at"] = Timestamps.Format(runbook.UpdatedAt),
            ["name"] = runbook.Name,
            ["extra"] = JsonElements.ToNode(runbook.Extra),
            ["public"] = runbook.Public,
            ["owner"] = runbook.Owner,
            ["disable_ramdisk"] = runbook.DisableRamdisk,
        };
        if (version.Allows(TraitsSince))
        {
            json["description"] = runbook.Description;
        }

        json["links"] = Links.Pair(baseUrl, $"runbooks/{runbook.Uuid}");
        json["steps"] = new JsonArray([.. runbook.Steps.Select(Masked)]);
        if (version.Allows(TraitsSince))
        {
            json["traits"] = new JsonArray([.. runbook.Traits.Select(t => (JsonNode)t)]);
        }

        return FieldSelection.Apply(json, fields);
    }

    /// <summary>A step as Ironic stores it: <c>order</c> an integer, <c>args</c> an object.</summary>
    public static JsonObject Step(RunbookStep step) => new()
    {
        ["interface"] = step.Interface,
        ["step"] = step.Step,
        ["args"] = JsonElements.ToNode(step.Args),
        ["order"] = step.Order,
    };

    private static JsonNode Masked(RunbookStep step)
    {
        var json = Step(step);
        json["args"] = Secrets.Mask(json["args"]!.AsObject());
        return json;
    }
}
