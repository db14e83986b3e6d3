using System.Text.Json.Nodes;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.DeployTemplates;
using IronicCore.Steps;

namespace IronicCore.Api.DeployTemplates;

/// <summary>
/// Ironic's deploy template as its API shows it (<c>convert_with_links</c>): <c>uuid</c>,
/// timestamps, <c>name</c>, <c>extra</c>, links and the steps, secrets in step <c>args</c> masked.
/// <c>description</c>, which the schema takes, is never shown: Ironic's object has no such field.
/// </summary>
internal static class DeployTemplateFields
{
    /// <summary>The fields a list shows without <c>detail</c> or <c>fields</c>.</summary>
    public static readonly string[] ListDefault = ["uuid", "name"];

    public static JsonObject Render(DeployTemplateView template, string baseUrl, IReadOnlyCollection<string>? fields = null)
    {
        var json = new JsonObject
        {
            ["uuid"] = template.Uuid,
            ["created_at"] = Timestamps.Format(template.CreatedAt),
            ["updated_at"] = Timestamps.Format(template.UpdatedAt),
            ["name"] = template.Name,
            ["extra"] = JsonElements.ToNode(template.Extra),
            ["links"] = Links.Pair(baseUrl, $"deploy_templates/{template.Uuid}"),
            ["steps"] = new JsonArray([.. template.Steps.Select(Masked)]),
        };
        return FieldSelection.Apply(json, fields);
    }

    /// <summary>A step as Ironic's <c>convert_steps</c> gives it: interface, step, args, priority.</summary>
    public static JsonObject Step(StepRequest step) => new()
    {
        ["interface"] = step.Interface,
        ["step"] = step.Step,
        ["args"] = JsonElements.ToNode(step.Args!.Value),
        ["priority"] = step.Priority,
    };

    private static JsonNode Masked(StepRequest step)
    {
        var json = Step(step);
        json["args"] = Secrets.Mask(json["args"]!.AsObject());
        return json;
    }
}
