using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Configuration;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Api.Nodes;

/// <summary>
/// The node list's filters, read from the query once: a page visits many nodes, and each visit
/// compares fields instead of reading the query again.
/// </summary>
internal sealed class NodeFilter
{
    private readonly bool? maintenance;
    private readonly bool? associated;
    private readonly bool? retired;
    private readonly bool? sharded;
    private readonly bool includeChildren;
    private readonly string? provisionState;
    private readonly string? driver;
    private readonly string? resourceClass;
    private readonly string? fault;
    private readonly string? conductor;
    private readonly string? owner;
    private readonly string? lessee;
    private readonly string? instanceUuid;
    private readonly string? chassisUuid;
    private readonly string? parentNode;
    private readonly string? instanceName;
    private readonly string? conductorGroup;
    private readonly string? project;
    private readonly string? descriptionContains;
    private readonly string[]? shards;

    public NodeFilter(QueryArgs query)
    {
        maintenance = query.Bool("maintenance");
        associated = query.Bool("associated");
        retired = query.Bool("retired");
        sharded = query.Bool("sharded");
        includeChildren = query.Bool("include_children") == true;
        provisionState = query["provision_state"];
        driver = query["driver"];
        resourceClass = query["resource_class"];
        fault = query["fault"];
        conductor = query["conductor"];
        owner = query["owner"];
        lessee = query["lessee"];
        instanceUuid = query["instance_uuid"];
        chassisUuid = query["chassis_uuid"];
        parentNode = query["parent_node"];
        instanceName = query["instance_name"];
        conductorGroup = query["conductor_group"];
        project = query["project"];
        descriptionContains = query["description_contains"];
        shards = query.List("shard");
    }

    public bool Matches(NodeSnapshot node)
    {
        var view = node.View;
        return Is(maintenance, view.Maintenance)
            && Is(associated, view.InstanceUuid is not null)
            && Is(retired, view.Retired)
            && Equal(provisionState, view.ProvisionState.ToIronicName())
            && Equal(driver, view.Driver)
            && Equal(resourceClass, view.ResourceClass)
            && Equal(fault, view.Fault?.ToIronicName())
            && Equal(conductor, node.Host)
            && Equal(owner, view.Owner)
            && Equal(lessee, view.Lessee)
            && Equal(instanceUuid, view.InstanceUuid)
            && Equal(chassisUuid, view.ChassisUuid)
            && Family(view.ParentNode)
            && Equal(instanceName, view.InstanceName)
            && (conductorGroup is null || string.Equals(conductorGroup, view.ConductorGroup, StringComparison.OrdinalIgnoreCase))
            && (project is null || project == view.Owner || project == view.Lessee)
            && (descriptionContains is null || (view.Description?.Contains(descriptionContains, StringComparison.Ordinal) ?? false))
            && (shards is null || shards.Contains(view.Shard))
            && Is(sharded, view.Shard is not null);
    }

    /// <summary>
    /// The slots a match must be in, from the published indexes: of the equality filters given,
    /// the one fewest slots hold (a filter with several values, or <c>project</c>, is the union of
    /// its values'); null when no indexed filter is given (every slot is a candidate). Every
    /// candidate is still checked against all the filters.
    /// </summary>
    public SlotUnion? Candidates(ValueIndexes<NodeSnapshot> indexes)
    {
        SlotUnion? best = null;
        void Consider(params (string Field, string Value)[] values)
        {
            var union = new SlotUnion([.. values.Select(v => indexes.Of(v.Field, v.Value))]);
            if (best is null || union.Count < best.Count)
            {
                best = union;
            }
        }

        foreach (var (field, wanted) in new[] { ("maintenance", maintenance), ("associated", associated), ("retired", retired), ("sharded", sharded) })
        {
            if (wanted is { } value)
            {
                Consider((field, NodeIndexedFields.Key(value)));
            }
        }

        foreach (var (field, wanted) in new[]
        {
            ("provision_state", provisionState), ("driver", driver), ("resource_class", resourceClass), ("fault", fault),
            ("conductor", conductor), ("owner", owner), ("lessee", lessee), ("instance_uuid", instanceUuid),
            ("chassis_uuid", chassisUuid), ("instance_name", instanceName), ("conductor_group", conductorGroup?.ToUpperInvariant()),
            ("parent_node", includeChildren ? null : parentNode),
        })
        {
            if (wanted is not null)
            {
                Consider((field, wanted));
            }
        }

        if (project is not null)
        {
            Consider(("owner", project), ("lessee", project));
        }

        if (shards is not null)
        {
            Consider([.. shards.Select(s => ("shard", s))]);
        }

        return best;
    }

    private static bool Is(bool? wanted, bool value) => wanted is null || wanted == value;

    private static bool Equal(string? wanted, string? value) => wanted is null || wanted == value;

    /// <summary>
    /// Child nodes (with a <c>parent_node</c>) are listed only when asked for: all of them with
    /// <c>include_children</c>, which overrides <c>parent_node</c>, or one parent's with it.
    /// </summary>
    private bool Family(string? parent) => includeChildren || (parentNode is { } wanted ? wanted == parent : parent is null);
}
