using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Steps;

namespace IronicCore.DeployTemplates;

/// <summary>
/// The fields of a deploy template that <c>POST /v1/deploy_templates</c> stores and
/// <c>PATCH /v1/deploy_templates/{template}</c> replaces, once Ironic's API schema has accepted
/// them. For an update start from <see cref="From(DeployTemplateView)"/> and change fields with <c>with</c>.
/// </summary>
public sealed record DeployTemplateRequest
{
    /// <summary><c>name</c>: unique among deploy templates.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// <c>steps</c>: at least one, each with <see cref="StepRequest.Priority"/> (0 or more) and
    /// <see cref="StepRequest.Args"/> (a JSON object).
    /// </summary>
    public required ImmutableArray<StepRequest> Steps { get; init; }

    /// <summary><c>extra</c>: a JSON object; null for <c>{}</c>.</summary>
    public JsonElement? Extra { get; init; }

    /// <summary>The template's current values: an update that changes nothing.</summary>
    /// <param name="template">The template as read.</param>
    public static DeployTemplateRequest From(DeployTemplateView template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new DeployTemplateRequest { Name = template.Name, Steps = template.Steps, Extra = template.Extra };
    }
}
