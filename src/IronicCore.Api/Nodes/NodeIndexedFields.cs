using IronicCore.Api.Hosting;
using IronicCore.Configuration;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Api.Nodes;

/// <summary>
/// The node fields the published view indexes by value: every equality filter of Ironic's node
/// list, keyed as <see cref="NodeFilter"/> compares them (booleans as <c>True</c>/<c>False</c>,
/// <c>conductor_group</c> in upper case since it compares without case, <c>associated</c> and
/// <c>sharded</c> derived from <c>instance_uuid</c> and <c>shard</c>).
/// </summary>
internal static class NodeIndexedFields
{
    public static readonly IndexedField<NodeSnapshot>[] All =
    [
        new("provision_state", n => n.View.ProvisionState.ToIronicName()),
        new("maintenance", n => Key(n.View.Maintenance)),
        new("associated", n => Key(n.View.InstanceUuid is not null)),
        new("retired", n => Key(n.View.Retired)),
        new("sharded", n => Key(n.View.Shard is not null)),
        new("driver", n => n.View.Driver),
        new("resource_class", n => n.View.ResourceClass),
        new("fault", n => n.View.Fault?.ToIronicName()),
        new("conductor", n => n.Host),
        new("conductor_group", n => n.View.ConductorGroup.ToUpperInvariant()),
        new("owner", n => n.View.Owner),
        new("lessee", n => n.View.Lessee),
        new("instance_uuid", n => n.View.InstanceUuid),
        new("instance_name", n => n.View.InstanceName),
        new("chassis_uuid", n => n.View.ChassisUuid),
        new("parent_node", n => n.View.ParentNode),
        new("shard", n => n.View.Shard),
    ];

    /// <summary>A boolean's key.</summary>
    public static string Key(bool value) => value ? "True" : "False";
}
