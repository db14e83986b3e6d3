using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Steps;

namespace IronicCore.DeployTemplates;

/// <summary>
/// A deploy template as the conductor keeps it (Ironic's <c>deploy_templates</c> row with its
/// steps): mutable, owned by the conductor's template table. Callers see <see cref="DeployTemplateView"/> snapshots.
/// </summary>
internal sealed class DeployTemplate(string uuid, DateTimeOffset createdAt)
{
    public string Uuid { get; } = uuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The steps in the order given, each with its <c>args</c> and <c>priority</c>.</summary>
    public ImmutableArray<StepRequest> Steps { get; set; } = [];

    public JsonElement Extra { get; set; } = Nodes.JsonObjects.Empty;

    public DeployTemplateView ToView() => new(this);
}
