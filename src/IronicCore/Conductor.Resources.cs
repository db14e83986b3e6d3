using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Resources;

namespace IronicCore;

// Chassis (/v1/chassis) and allocations (/v1/allocations): the top-level resources that group
// nodes and reserve them.
public sealed partial class Conductor
{
    /// <summary>Every chassis (<c>GET /v1/chassis</c>), in creation order, as snapshots.</summary>
    public ImmutableArray<ChassisView> Chassis => [.. context.ChassisTable.All.Select(c => c.ToView())];

    /// <summary>The chassis with this UUID (<c>GET /v1/chassis/{uuid}</c>).</summary>
    /// <exception cref="ChassisNotFoundException">No chassis has it (404).</exception>
    public ChassisView GetChassis(string uuid)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        return context.ChassisTable.Get(uuid).ToView();
    }

    /// <summary>Creates a chassis (<c>POST /v1/chassis</c>).</summary>
    /// <param name="uuid">Its UUID, or null to draw one.</param>
    /// <param name="description">Its description, or null.</param>
    /// <param name="extra">A JSON object, or default for <c>{}</c>.</param>
    /// <exception cref="ChassisAlreadyExistsException">Another chassis has the UUID (409).</exception>
    /// <exception cref="ArgumentException">The UUID is not one, or <paramref name="extra"/> is not a JSON object.</exception>
    public ChassisView CreateChassis(string? uuid, string? description, JsonElement extra = default) =>
        context.ChassisTable.Create(uuid, description, extra, context.Clock.GetUtcNow()).ToView();

    /// <summary>Replaces a chassis's fields (<c>PATCH /v1/chassis/{uuid}</c>); <c>updated_at</c> becomes now if one changed.</summary>
    /// <exception cref="ChassisNotFoundException">No chassis has the UUID (404).</exception>
    /// <exception cref="ArgumentException"><paramref name="extra"/> is not a JSON object.</exception>
    public ChassisView UpdateChassis(string uuid, string? description, JsonElement extra)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        var chassis = context.ChassisTable.Get(uuid);
        var checkedExtra = JsonObjects.Check(extra, nameof(extra));
        if (description != chassis.Description || !JsonObjects.Same(checkedExtra, chassis.Extra))
        {
            chassis.Description = description;
            chassis.Extra = checkedExtra.Clone();
            chassis.UpdatedAt = context.Clock.GetUtcNow();
        }

        return chassis.ToView();
    }

    /// <summary>Deletes a chassis (<c>DELETE /v1/chassis/{uuid}</c>); refused while a node names it, as Ironic's database refuses.</summary>
    /// <exception cref="ChassisNotFoundException">No chassis has the UUID (404).</exception>
    /// <exception cref="ChassisNotEmptyException">A node belongs to it (400).</exception>
    public void DeleteChassis(string uuid)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        var chassis = context.ChassisTable.Get(uuid);
        var nodes = context.Nodes;
        for (var slot = 0; slot < nodes.Count; slot++)
        {
            if (nodes[slot] is { } node && string.Equals(node.Details.ChassisUuid, chassis.Uuid, StringComparison.OrdinalIgnoreCase))
            {
                throw new ChassisNotEmptyException(chassis.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        context.ChassisTable.Remove(chassis);
    }

    /// <summary>Every allocation (<c>GET /v1/allocations</c>), in creation order, as snapshots.</summary>
    public ImmutableArray<AllocationView> Allocations => [.. context.Allocations.All.Select(a => a.ToView())];

    /// <summary>The allocation with this UUID or name (<c>GET /v1/allocations/{ident}</c>).</summary>
    /// <exception cref="AllocationNotFoundException">No allocation has it (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">It is neither a UUID nor a logical name (400).</exception>
    public AllocationView GetAllocation(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        return context.Allocations.Get(ident).ToView();
    }

    /// <summary>The allocation holding a node (<c>GET /v1/nodes/{node}/allocation</c>).</summary>
    /// <param name="node">The node's UUID or name.</param>
    /// <exception cref="NodeNotFoundException">No node has the ident (404).</exception>
    /// <exception cref="AllocationNotFoundException">The node has no allocation (404).</exception>
    public AllocationView GetNodeAllocation(string node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return (context.Allocations.OfNode(Find(node).Uuid) ?? throw new AllocationNotFoundException(node, forNode: true)).ToView();
    }

    /// <summary>
    /// Creates an allocation (<c>POST /v1/allocations</c>) and runs Ironic's allocation worker at
    /// once: the allocation comes back <c>active</c> with a node, or in <c>error</c> with
    /// <c>last_error</c>. With <see cref="AllocationCreateRequest.Node"/> (API 1.58) it backfills
    /// the allocation of an already deployed node instead.
    /// </summary>
    /// <exception cref="InvalidException">An invalid name, or no resource class without a node to backfill (400).</exception>
    /// <exception cref="NodeNotFoundException">A candidate or the backfilled node does not exist (400).</exception>
    /// <exception cref="AllocationDuplicateNameException">Another allocation has the name (409).</exception>
    /// <exception cref="AllocationAlreadyExistsException">Another allocation has the UUID (409).</exception>
    /// <exception cref="AllocationFailedException">The backfilled node does not match (500); the allocation stays, in <c>error</c>.</exception>
    /// <exception cref="NodeAssociatedException">The backfilled node has another instance (409); the allocation stays, in <c>error</c>.</exception>
    /// <exception cref="ArgumentException">The UUID is not one, or <c>extra</c> is not a JSON object.</exception>
    public AllocationView CreateAllocation(AllocationCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return context.AllocationRules.Create(request).ToView();
    }

    /// <summary>Renames an allocation or replaces its <c>extra</c> (<c>PATCH /v1/allocations/{ident}</c>, API 1.57).</summary>
    /// <exception cref="AllocationNotFoundException">No allocation has the ident (404).</exception>
    /// <exception cref="InvalidException">The new name is not a logical name (400).</exception>
    /// <exception cref="AllocationDuplicateNameException">Another allocation has the name (409).</exception>
    /// <exception cref="ArgumentException"><paramref name="extra"/> is not a JSON object.</exception>
    public AllocationView UpdateAllocation(string ident, string? name, JsonElement extra)
    {
        ArgumentNullException.ThrowIfNull(ident);
        var allocation = context.Allocations.Get(ident);
        if (name is not null && !NodeNames.IsValid(name))
        {
            throw new InvalidException($"Cannot update allocation with invalid name '{name}'");
        }

        var checkedExtra = JsonObjects.Check(extra, nameof(extra));
        if (name is not null && context.Allocations.HasName(name, allocation))
        {
            throw new AllocationDuplicateNameException(name);
        }

        if (name != allocation.Name || !JsonObjects.Same(checkedExtra, allocation.Extra))
        {
            allocation.Name = name;
            allocation.Extra = checkedExtra.Clone();
            allocation.UpdatedAt = context.Clock.GetUtcNow();
        }

        return allocation.ToView();
    }

    /// <summary>
    /// Deletes an allocation (<c>DELETE /v1/allocations/{ident}</c>): the node it holds loses its
    /// <c>instance_uuid</c>, unless Ironic's <c>verify_node_for_deallocation</c> refuses.
    /// </summary>
    /// <exception cref="AllocationNotFoundException">No allocation has the ident (404).</exception>
    /// <exception cref="InvalidStateException">The node is active or mid-transition outside maintenance (409).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    public void DeleteAllocation(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        context.AllocationRules.Delete(context.Allocations.Get(ident));
    }

    /// <summary>Deletes the allocation holding a node (<c>DELETE /v1/nodes/{node}/allocation</c>).</summary>
    /// <exception cref="NodeNotFoundException">No node has the ident (404).</exception>
    /// <exception cref="AllocationNotFoundException">The node has no allocation (404).</exception>
    /// <exception cref="InvalidStateException">The node is active or mid-transition outside maintenance (409).</exception>
    public void DeleteNodeAllocation(string node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var allocation = context.Allocations.OfNode(Find(node).Uuid) ?? throw new AllocationNotFoundException(node, forNode: true);
        context.AllocationRules.Delete(allocation);
    }
}
