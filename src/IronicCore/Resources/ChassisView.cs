using System.Text.Json;

namespace IronicCore.Resources;

/// <summary>
/// A chassis (<c>/v1/chassis</c>) as Ironic's API shows it, frozen at the moment it was read: a
/// group of nodes named by their <c>chassis_uuid</c>. Immutable and thread-safe.
/// </summary>
public sealed class ChassisView
{
    internal ChassisView(Chassis chassis)
    {
        Uuid = chassis.Uuid;
        Description = chassis.Description;
        Extra = chassis.Extra;
        CreatedAt = chassis.CreatedAt;
        UpdatedAt = chassis.UpdatedAt;
    }

    /// <summary><c>uuid</c>.</summary>
    public string Uuid { get; }

    /// <summary><c>description</c> (at most 255 characters), or null.</summary>
    public string? Description { get; }

    /// <summary><c>extra</c>: a JSON object of the operator's own.</summary>
    public JsonElement Extra { get; }

    /// <summary><c>created_at</c>.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>updated_at</c>: the last change of its fields, or null.</summary>
    public DateTimeOffset? UpdatedAt { get; }
}
