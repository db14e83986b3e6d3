using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Steps;

namespace IronicCore.DeployTemplates;

/// <summary>
/// A deploy template (Ironic's API 1.55) as Ironic's API shows it, frozen at the moment it was
/// read: deploy steps that a deployment runs beside the drivers' own when the node's
/// <c>instance_info.traits</c> name the template. Immutable and thread-safe.
/// </summary>
public sealed class DeployTemplateView
{
    internal DeployTemplateView(DeployTemplate template)
    {
        Uuid = template.Uuid;
        Name = template.Name;
        Steps = template.Steps;
        Extra = template.Extra;
        CreatedAt = template.CreatedAt;
        UpdatedAt = template.UpdatedAt;
    }

    /// <summary><c>uuid</c>.</summary>
    public string Uuid { get; }

    /// <summary><c>name</c>: a trait name, unique among deploy templates.</summary>
    public string Name { get; }

    /// <summary><c>steps</c> in the order given: each names an interface and a step, with its <c>args</c> and <c>priority</c>.</summary>
    public ImmutableArray<StepRequest> Steps { get; }

    /// <summary><c>extra</c>: a JSON object of the operator's own.</summary>
    public JsonElement Extra { get; }

    /// <summary><c>created_at</c>.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>updated_at</c>: the last update of its fields, or null.</summary>
    public DateTimeOffset? UpdatedAt { get; }
}
