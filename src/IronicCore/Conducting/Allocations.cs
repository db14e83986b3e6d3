using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Resources;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's allocations (<c>conductor/allocations.py</c> and the manager's <c>create_allocation</c>,
/// <c>destroy_allocation</c>): candidates by resource class, traits, candidate list and owner among
/// <c>available</c> nodes outside maintenance without an instance, shuffled; backfilling an
/// allocation for a deployed node; giving the node back. The worker Ironic spawns runs at once.
/// </summary>
internal sealed class Allocations(ConductorContext context)
{
    private AllocationTable Table => context.Allocations;

    /// <summary>The API's checks and <c>create_allocation</c>: the allocation, decided (active or error).</summary>
    /// <exception cref="AllocationFailedException">A backfill the node does not satisfy; the allocation stays, in <c>error</c>.</exception>
    public Allocation Create(AllocationCreateRequest request)
    {
        if (request.Name is { } name && !NodeNames.IsValid(name))
        {
            throw new InvalidException($"Cannot create allocation with invalid name '{name}'");
        }

        Node? node = null;
        if (request.Node is { } ident)
        {
            node = context.Nodes.TryFind(ident) ?? throw new NodeNotFoundException(ident, $"Node {ident} could not be found.", 400);
        }

        var resourceClass = string.IsNullOrEmpty(request.ResourceClass) ? null : request.ResourceClass;
        if (resourceClass is null)
        {
            resourceClass = node is not null
                ? node.Details.ResourceClass
                : throw new InvalidException("The resource_class field is mandatory when not backfilling");
        }

        var candidates = CandidateUuids(request.CandidateNodes);
        var uuid = string.IsNullOrEmpty(request.Uuid) ? node?.InstanceUuid ?? Table.Random.NewUuid().ToString() : request.Uuid;
        if (!Guid.TryParse(uuid, out _))
        {
            throw new ArgumentException($"Expected UUID for uuid: {uuid}", nameof(request));
        }

        var extra = JsonObjects.Check(request.Extra, nameof(request.Extra)).Clone();
        if (request.Name is not null && Table.HasName(request.Name, except: null))
        {
            throw new AllocationDuplicateNameException(request.Name);
        }

        if (Table.ByUuid(uuid) is not null)
        {
            throw new AllocationAlreadyExistsException(uuid);
        }

        var allocation = Table.Add(uuid, context.Clock.GetUtcNow());
        allocation.Name = request.Name;
        allocation.ResourceClass = resourceClass;
        allocation.Traits = request.Traits.IsDefault ? [] : request.Traits;
        allocation.CandidateNodes = candidates;
        allocation.Extra = extra;
        allocation.Owner = request.Owner;
        allocation.State = AllocationState.Allocating;
        if (node is not null)
        {
            Backfill(allocation, node);
        }
        else
        {
            Allocate(allocation);
        }

        return allocation;
    }

    /// <summary>Ironic's <c>check_node_list</c>: each ident a UUID or a logical name of an existing node, as its UUID.</summary>
    private ImmutableArray<string> CandidateUuids(ImmutableArray<string> idents)
    {
        if (idents.IsDefaultOrEmpty)
        {
            return [];
        }

        var missing = idents.Distinct().Where(i => context.Nodes.TryFind(i) is not { } n || !(Guid.TryParse(i, out _) || (NodeNames.IsValid(i) && n.Name == i))).ToList();
        if (missing.Count > 0)
        {
            throw new NodeNotFoundException(missing[0], $"Nodes cannot be found: {string.Join(", ", missing)}", 400);
        }

        return [.. idents.Select(i => context.Nodes.Find(i).Uuid)];
    }

    /// <summary>Ironic's <c>do_allocate</c>: the candidates, then the first that still qualifies once locked.</summary>
    private void Allocate(Allocation allocation)
    {
        try
        {
            var nodes = Candidates(allocation);
            var locked = 0;
            foreach (var node in nodes)
            {
                if (node.Reservation is not null)
                {
                    locked++;
                    continue;
                }

                if (Qualifies(node, allocation))
                {
                    Reserve(allocation, node);
                    return;
                }
            }

            // Ironic retries the locked nodes ([conductor] node_locked_retry_attempts); no time passes here, so they stay locked.
            Fail(allocation, locked > 0 ? $"could not reserve any of {locked} suitable nodes" : "all nodes were filtered out during reservation");
        }
        catch (AllocationFailedException error)
        {
            Failed(allocation, error.Message);
        }
    }

    private List<Node> Candidates(Allocation allocation)
    {
        var nodes = new List<Node>();
        for (var slot = 0; slot < context.Nodes.Count; slot++)
        {
            if (context.Nodes[slot] is { } node && node.ProvisionState == ProvisionState.Available && !node.Maintenance
                && node.InstanceUuid is null && node.PowerState is not null && node.Details.ResourceClass == allocation.ResourceClass
                && (allocation.CandidateNodes.IsEmpty || allocation.CandidateNodes.Contains(node.Uuid, StringComparer.OrdinalIgnoreCase))
                && (allocation.Owner is null || node.Details.Owner == allocation.Owner || node.Details.Lessee == allocation.Owner))
            {
                nodes.Add(node);
            }
        }

        if (nodes.Count == 0)
        {
            Fail(allocation, allocation.CandidateNodes.IsEmpty
                ? $"no available nodes match the resource class {allocation.ResourceClass}"
                : $"none of the requested nodes are available and match the resource class {allocation.ResourceClass}");
        }

        if (!allocation.Traits.IsEmpty)
        {
            nodes.RemoveAll(n => !HasTraits(n, allocation.Traits));
            if (nodes.Count == 0)
            {
                Fail(allocation, $"no suitable nodes have the requested traits {string.Join(", ", allocation.Traits.Distinct())}");
            }
        }

        // Python's random.shuffle (Fisher-Yates from the end); a node with the allocation's name goes first.
        for (var i = nodes.Count - 1; i > 0; i--)
        {
            var j = Table.Random.Next(i + 1);
            (nodes[i], nodes[j]) = (nodes[j], nodes[i]);
        }

        var named = allocation.Name is null ? -1 : nodes.FindIndex(n => n.Name == allocation.Name);
        if (named > 0)
        {
            var node = nodes[named];
            nodes.RemoveAt(named);
            nodes.Insert(0, node);
        }

        return nodes;
    }

    /// <summary>Ironic's <c>_verify_node</c>: still a match once its lock is held.</summary>
    private static bool Qualifies(Node node, Allocation allocation) =>
        !node.Maintenance && node.InstanceUuid is null && node.ProvisionState == ProvisionState.Available
        && node.Details.ResourceClass == allocation.ResourceClass && (allocation.Traits.IsEmpty || HasTraits(node, allocation.Traits));

    private static bool HasTraits(Node node, ImmutableArray<string> traits) => traits.All(node.Details.Traits.Contains);

    /// <summary>Ironic's <c>_do_backfill_allocation</c>: every mismatch named, or the node reserved.</summary>
    private void Backfill(Allocation allocation, Node node)
    {
        try
        {
            context.Tasks.EnsureUnlocked(node);
            var errors = new List<string>();
            if (node.ProvisionState != ProvisionState.Active)
            {
                errors.Add($"Node must be in the \"active\" state, but the current state is \"{node.ProvisionState.ToIronicName()}\"");
            }

            if (allocation.ResourceClass is not null && node.Details.ResourceClass != allocation.ResourceClass)
            {
                errors.Add($"Resource class {PythonText(node.Details.ResourceClass)} does not match the requested resource class {allocation.ResourceClass}");
            }

            if (!allocation.Traits.IsEmpty && !HasTraits(node, allocation.Traits))
            {
                errors.Add($"List of traits {TraitList(node.Details.Traits)} does not match the requested traits {PythonList(allocation.Traits)}");
            }

            if (!allocation.CandidateNodes.IsEmpty && !allocation.CandidateNodes.Contains(node.Uuid))
            {
                errors.Add($"Candidate nodes must be empty or contain the target node, but got {PythonList(allocation.CandidateNodes)}");
            }

            if (errors.Count > 0)
            {
                Fail(allocation, $"Cannot backfill an allocation for node {node.Uuid}: {string.Join("; ", errors)}");
            }

            Reserve(allocation, node);
        }
        catch (IronicException error) when (error is AllocationFailedException or NodeAssociatedException or InstanceAssociatedException or NodeLockedException)
        {
            Failed(allocation, error.Message);
            throw;
        }
    }

    /// <summary>Ironic's <c>update_allocation</c> with a node: the node's <c>instance_uuid</c>, <c>allocation_id</c> and <c>instance_info.traits</c>.</summary>
    private void Reserve(Allocation allocation, Node node)
    {
        if (node.InstanceUuid is { } instance && instance != allocation.Uuid)
        {
            throw new NodeAssociatedException(node.Uuid, instance);
        }

        for (var slot = 0; slot < context.Nodes.Count; slot++)
        {
            if (context.Nodes[slot] is { } other && other != node && other.InstanceUuid == allocation.Uuid)
            {
                throw new InstanceAssociatedException(allocation.Uuid, node.Uuid);
            }
        }

        Table.SetNode(allocation, node.Uuid);
        allocation.State = AllocationState.Active;
        allocation.UpdatedAt = context.Clock.GetUtcNow();
        node.InstanceUuid = allocation.Uuid;
        var info = JsonNode.Parse(node.Details.InstanceInfo.GetRawText())!.AsObject();
        info["traits"] = new JsonArray([.. allocation.Traits.Select(t => (JsonNode)t)]);
        node.Details = node.Details with { InstanceInfo = JsonSerializer.SerializeToElement(info), AllocationUuid = allocation.Uuid };
        NodeDetailsRules.Touch(node, context.Clock.GetUtcNow());
    }

    /// <summary>Ironic's <c>destroy_allocation</c>: a node it holds is checked (<c>verify_node_for_deallocation</c>) and given back.</summary>
    public void Delete(Allocation allocation)
    {
        if (allocation.NodeUuid is { } uuid && context.Nodes.TryFind(uuid) is { } node)
        {
            context.Tasks.EnsureUnlocked(node);
            if (!node.Maintenance)
            {
                if (node.TargetProvisionState is not null && !context.Machine.StatesIn(ProvisionStateSet.UpdateAllowedStates).Contains(node.ProvisionState))
                {
                    throw new InvalidStateException(
                        $"Cannot remove allocation {allocation.Uuid} for node {node.Uuid}, because the node is in state " +
                        $"{node.ProvisionState.ToIronicName()} where updates are not allowed (and maintenance mode is off)");
                }

                if (node.ProvisionState == ProvisionState.Active)
                {
                    throw new InvalidStateException(
                        $"Cannot remove allocation {allocation.Uuid} for node {node.Uuid}, because the node is active (and maintenance mode is off)");
                }
            }
        }

        Destroy(allocation);
    }

    /// <summary>The database's <c>destroy_allocation</c>: the node it held loses its <c>allocation_id</c> and <c>instance_uuid</c>.</summary>
    public void Destroy(Allocation allocation)
    {
        if (allocation.NodeUuid is { } uuid && context.Nodes.TryFind(uuid) is { } node)
        {
            node.InstanceUuid = null;
            node.Details = node.Details with { AllocationUuid = null };
        }

        Table.Remove(allocation);
    }

    /// <summary>The node's allocation goes with the node (the database's <c>destroy_node</c>).</summary>
    public void NodeDeleted(string nodeUuid)
    {
        if (Table.OfNode(nodeUuid) is { } allocation)
        {
            Table.Remove(allocation);
        }
    }

    private static void Fail(Allocation allocation, string error) => throw new AllocationFailedException(allocation.Uuid, error);

    /// <summary>Ironic's <c>_allocation_failed</c>.</summary>
    private void Failed(Allocation allocation, string reason)
    {
        Table.SetNode(allocation, null);
        allocation.State = AllocationState.Error;
        allocation.LastError = reason;
        allocation.UpdatedAt = context.Clock.GetUtcNow();
    }

    private static string PythonText(string? value) => value ?? "None";

    private static string PythonList(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(v => $"'{v}'"))}]";

    // Ironic prints the node's TraitList object; its repr lists the traits' objects, which the simulation names by trait.
    private static string TraitList(IEnumerable<string> traits) => PythonList(traits);
}
