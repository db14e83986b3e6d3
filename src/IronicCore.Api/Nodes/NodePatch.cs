using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Api.Nodes;

/// <summary>
/// <c>PATCH /v1/nodes/{node}</c>: Ironic's API checks, the JSON patch applied to the node's
/// patchable fields, the schema on the result, then the conductor's update with its checks;
/// nothing is stored unless all pass.
/// </summary>
internal static class NodePatch
{
    /// <summary>
    /// Ironic lists the patchable fields in its own order, which its refusal message shows: by
    /// name, except these two, which master appended at the end.
    /// </summary>
    private static readonly string[] AppendedLast = ["parent_node", "firmware_interface"];

    /// <summary>Applies <paramref name="operations"/>; <paramref name="resetInterfaces"/> is Ironic's <c>reset_interfaces</c> (1.45), only with a new <c>driver</c>.</summary>
    public static NodeSnapshot Run(
        SimulationState simulation, string ident, bool jsonSuffixStripped, List<JsonObject> operations, ApiVersion version, ApiVersions versions, bool resetInterfaces = false)
    {
        var patchable = NodeFields.All.Where(f => f.OnPatch && versions.Maximum.Allows(f.Since)).Select(f => f.Name)
            .OrderBy(f => Array.IndexOf(AppendedLast, f)).ThenBy(f => f, StringComparer.Ordinal).ToList();
        foreach (var operation in operations)
        {
            var field = JsonPatch.Path(operation).Split('/')[1];
            if (!patchable.Contains(field))
            {
                throw new InvalidException($"Cannot patch {JsonPatch.Path(operation)}. Only the following can be updated: {string.Join(", ", patchable)}");
            }

            if (!version.Allows(NodeFields.ByName[field].Since))
            {
                throw ApiFault.NotAcceptable();
            }
        }

        // Ironic's _validate_patch: a value for /driver must come with reset_interfaces (even the node's own driver).
        if (resetInterfaces && !operations.Any(o => JsonPatch.Path(o) == "/driver" && o["op"]!.GetValue<string>() != "remove"))
        {
            throw new InvalidException("The reset_interfaces parameter can only be used when changing the node's driver.");
        }

        var node = NodeIdent.Find(simulation, ident, version, jsonSuffixStripped);
        var conductor = simulation.Conductor;
        var onlyRemovesInstance = operations is [var only] && only["op"]!.GetValue<string>() == "remove" && JsonPatch.Path(only) == "/instance_uuid";
        if (!(node.Maintenance && onlyRemovesInstance) && node.TargetProvisionState is not null
            && !ProvisionStateMachine.For(conductor.Release).StatesIn(ProvisionStateSet.UpdateAllowedStates).Contains(node.ProvisionState))
        {
            throw new ApiFault(409, $"Node {ident} can not be updated while a state transition is in progress.");
        }

        foreach (var operation in operations.Where(o => JsonPatch.Path(o) == "/name" && o["op"]!.GetValue<string>() != "remove"))
        {
            if (operation["value"] is JsonValue value && value.TryGetValue<string>(out var name))
            {
                NodeNameRules.Check(name, version, $"Node {ident}: Cannot change name to invalid name '{name}'");
            }
        }

        var snapshot = NodeIdent.Snapshot(simulation, node);
        var before = Document(snapshot, patchable);
        var after = JsonPatch.Apply(before, operations);
        var changes = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var field in patchable)
        {
            var value = after.TryGetPropertyValue(field, out var patched) ? patched : Default(field, snapshot);
            if (!JsonNode.DeepEquals(value, before[field]))
            {
                changes[field] = NodeSchema.Check(NodeFields.ByName[field], value);
            }
        }

        if (changes.GetValueOrDefault("parent_node") is JsonValue parent)
        {
            changes["parent_node"] = ParentNodeLink.Resolve(simulation, parent.GetValue<string>(), snapshot.View.Owner, version);
        }

        if (versions.Maximum.Allows(NodeFields.ByName["instance_name"].Since))
        {
            SyncInstanceName(snapshot.View, changes);
        }

        return Store(simulation, snapshot, changes, resetInterfaces);
    }

    /// <summary>
    /// Master's bridge for Nova, which names its instance only in <c>instance_info.display_name</c>:
    /// a patch that changes <c>instance_info</c> of a node without <c>instance_name</c> sets it from
    /// there, at any request version.
    /// </summary>
    private static void SyncInstanceName(NodeView node, Dictionary<string, JsonNode?> changes)
    {
        var name = changes.TryGetValue("instance_name", out var changed) ? changed?.GetValue<string>() : node.InstanceName;
        if (changes.TryGetValue("instance_info", out var info) && string.IsNullOrEmpty(name)
            && info?["display_name"] is JsonValue display && display.TryGetValue<string>(out var displayName) && displayName.Length > 0)
        {
            changes["instance_name"] = displayName;
        }
    }

    private static NodeSnapshot Store(SimulationState simulation, NodeSnapshot snapshot, Dictionary<string, JsonNode?> changes, bool resetInterfaces)
    {
        var node = snapshot.View;
        var conductor = simulation.Conductor;
        var driver = changes.GetValueOrDefault("driver")?.GetValue<string>() ?? node.Driver;
        var group = changes.TryGetValue("conductor_group", out var newGroup) ? newGroup?.GetValue<string>() ?? string.Empty : node.ConductorGroup;
        simulation.Drivers.EnsureServed(driver, group, conductor.Options.ConductorGroup);
        var reset = resetInterfaces && driver != node.Driver;
        if (changes.ContainsKey("driver") || changes.Keys.Any(IsInterface))
        {
            NodeWrites.EnsureServedInterfaces(simulation.Drivers, driver, NodeFields.All.Where(f => f.OnPatch && IsInterface(f.Name)).Select(f => (
                f.Name,
                changes.TryGetValue(f.Name, out var changed) ? changed : reset ? null : f.Render(snapshot, string.Empty),
                f.Render(snapshot, string.Empty)!.GetValue<string>())));
        }

        if (changes.Count > 0)
        {
            var update = NodeUpdate.From(node);
            if (reset)
            {
                update = update with
                {
                    PowerInterface = null, ManagementInterface = null, BootInterface = null, DeployInterface = null, InspectInterface = null, RescueInterface = null,
                };
            }

            foreach (var (field, value) in changes)
            {
                update = NodeWrites.ToUpdate(update, field, value);
            }

            node = conductor.UpdateNode(node.Uuid, update);
        }

        return new NodeSnapshot(node, snapshot.Host, snapshot.Drivers);
    }

    private static bool IsInterface(string field) => field.EndsWith("_interface", StringComparison.Ordinal);

    /// <summary>The node's patchable fields with their stored values (secrets included).</summary>
    private static JsonObject Document(NodeSnapshot node, List<string> patchable)
    {
        var document = new JsonObject();
        foreach (var field in patchable)
        {
            document[field] = field switch
            {
                "driver_info" => new JsonObject(node.View.DriverInfo.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                "instance_info" => JsonElements.ToObject(node.View.InstanceInfo),
                _ => NodeFields.ByName[field].Render(node, string.Empty),
            };
        }

        return document;
    }

    /// <summary>
    /// What a field removed from the root becomes: its default. An interface the node's record
    /// names becomes null, which the conductor resets to the hardware type's default (Ironic's
    /// <c>_update_changed_fields</c> stores None, <c>check_and_update_node_interfaces</c> fills it);
    /// the others already show the type's.
    /// </summary>
    private static JsonNode? Default(string field, NodeSnapshot node) => NodeFields.ByName[field].Type switch
    {
        FieldType.Object => new JsonObject(),
        _ when IsInterface(field) && NodeWrites.RecordedInterfaces.Contains(field[..^"_interface".Length]) => null,
        _ when field.EndsWith("_interface", StringComparison.Ordinal) => NodeFields.ByName[field].Render(node, string.Empty),
        FieldType.Boolean when field != "automated_clean" => false,
        _ when field == "conductor_group" => string.Empty,
        _ when field == "driver" => throw NodeSchema.Error("'driver' is a required property"),
        _ => null,
    };
}
