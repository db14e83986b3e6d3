using IronicCore.Api.Hosting;
using IronicCore.Configuration;
using IronicCore.States;

namespace IronicCore.Api.Nodes;

/// <summary>
/// The node list's sort columns other than <c>id</c> (Ironic's <c>_DEFAULT_RETURN_FIELDS</c>
/// sortable ones), each kept in order by the published view: states sort by their wire names,
/// as the database holds them.
/// </summary>
internal static class NodeSortKeys
{
    public static readonly OrderedField<NodeSnapshot>[] All =
    [
        new("uuid", n => n.View.Uuid),
        new("name", n => n.View.Name),
        new("created_at", n => n.View.CreatedAt),
        new("updated_at", n => n.View.UpdatedAt),
        new("provision_state", n => n.View.ProvisionState.ToIronicName()),
        new("provision_updated_at", n => n.View.ProvisionUpdatedAt),
        new("power_state", n => n.View.PowerState?.ToIronicName()),
        new("driver", n => n.View.Driver),
        new("maintenance", n => n.View.Maintenance),
        new("conductor_group", n => n.View.ConductorGroup),
        new("resource_class", n => n.View.ResourceClass),
        new("instance_uuid", n => n.View.InstanceUuid),
    ];

    /// <summary>Whether the list sorts by <paramref name="key"/>: <c>id</c> or a kept column.</summary>
    public static bool IsSortable(string key) => key == "id" || Array.Exists(All, f => f.Name == key);
}
