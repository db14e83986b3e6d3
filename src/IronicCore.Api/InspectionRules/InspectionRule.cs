using System.Text.Json.Nodes;

namespace IronicCore.Api.InspectionRules;

/// <summary>
/// An inspection rule as Ironic's <c>inspection_rules</c> table keeps it: conditions and actions
/// stored as given (after the plugins' validation touched them), defaults filled in.
/// </summary>
internal sealed class InspectionRule(string uuid, DateTimeOffset createdAt)
{
    public string Uuid { get; set; } = uuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? Description { get; set; }

    public long Priority { get; set; }

    public bool Sensitive { get; set; }

    public string? Phase { get; set; } = "main";

    public JsonArray Conditions { get; set; } = [];

    public JsonArray Actions { get; set; } = [];

    /// <summary>The rule as Ironic's <c>as_dict()</c> gives it to a JSON patch: every column, raw conditions and actions.</summary>
    /// <param name="id">The rule's database id.</param>
    public JsonObject ToDocument(int id) => new()
    {
        ["id"] = id,
        ["uuid"] = Uuid,
        ["created_at"] = Http.Timestamps.Format(CreatedAt),
        ["updated_at"] = Http.Timestamps.Format(UpdatedAt),
        ["description"] = Description,
        ["priority"] = Priority,
        ["sensitive"] = Sensitive,
        ["phase"] = Phase,
        ["scope"] = null,
        ["conditions"] = Conditions.DeepClone(),
        ["actions"] = Actions.DeepClone(),
    };
}
