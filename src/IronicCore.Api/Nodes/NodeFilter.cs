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

    private static bool Is(bool? wanted, bool value) => wanted is null || wanted == value;

    private static bool Equal(string? wanted, string? value) => wanted is null || wanted == value;

    /// <summary>
    /// Child nodes (with a <c>parent_node</c>) are listed only when asked for: all of them with
    /// <c>include_children</c>, which overrides <c>parent_node</c>, or one parent's with it.
    /// </summary>
    private bool Family(string? parent) => includeChildren || (parentNode is { } wanted ? wanted == parent : parent is null);
}
