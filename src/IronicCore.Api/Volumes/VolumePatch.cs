using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Patch;
using IronicCore.Api.Ports;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Api.Volumes;

/// <summary>
/// A JSON patch of a volume connector or target as Ironic's controllers apply it: only the
/// patchable fields, a <c>node_uuid</c> that is a UUID, and the new node looked up as each release
/// does (21.4: <c>NodeNotFound</c>, 400; later: <c>authorize_node_link</c>, which does not say why).
/// </summary>
internal static class VolumePatch
{
    /// <summary>The document after the patch, its <c>node_uuid</c> the UUID of an existing node; nothing is stored.</summary>
    public static JsonObject Apply(
        SimulationState simulation, ApiVersion version, JsonObject document, string currentNode, List<JsonObject> operations, string[] patchable)
    {
        JsonPatch.EnsureAllowed(operations, patchable);

        var nodeValues = operations
            .Where(o => JsonPatch.Path(o) == "/node_uuid" && o["op"]!.GetValue<string>() != "remove")
            .Select(o => o["value"])
            .ToList();
        foreach (var value in nodeValues)
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : PythonRepr.Of(value);
            if (!Guid.TryParse(text, out _))
            {
                throw ApiFault.BadRequest($"Expected a UUID for node_uuid, but received {text}.");
            }
        }

        if (simulation.Conductor.Release == IronicRelease.Release21_4)
        {
            var patched = JsonPatch.Apply(document, operations);
            if (patched["node_uuid"] is JsonValue node && node.GetValue<string>() is var uuid && !string.Equals(uuid, currentNode, StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    patched["node_uuid"] = simulation.Conductor.GetNode(uuid).Uuid;
                }
                catch (NodeNotFoundException error)
                {
                    throw ApiFault.BadRequest(error.Message);
                }
            }

            return patched;
        }

        var newNode = nodeValues.Count > 0
            ? OwnerNode.ForMove(simulation, (nodeValues[0] as JsonValue)?.GetValue<string>(), currentNode, version).Uuid
            : currentNode;
        document["node_uuid"] = null;
        var result = JsonPatch.Apply(document, operations);
        result["node_uuid"] = newNode;
        return result;
    }
}
