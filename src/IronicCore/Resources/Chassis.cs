using System.Text.Json;

namespace IronicCore.Resources;

/// <summary>A chassis as Ironic's <c>chassis</c> table holds it: a database id, a UUID, a description and <c>extra</c>.</summary>
internal sealed class Chassis(int id, string uuid, DateTimeOffset createdAt)
{
    /// <summary>Ironic's database id: creation order, never reused; <c>ChassisNotEmpty</c> names it.</summary>
    public int Id { get; } = id;

    public string Uuid { get; } = uuid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? Description { get; set; }

    public JsonElement Extra { get; set; }

    public ChassisView ToView() => new(this);
}
