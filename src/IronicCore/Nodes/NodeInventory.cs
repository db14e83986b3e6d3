using System.Text.Json;

namespace IronicCore.Nodes;

/// <summary>
/// A node's inventory record (Ironic's <c>node_inventory</c> table, <c>GET /v1/nodes/{node}/inventory</c>,
/// API 1.81): what the last successful inspection that keeps data stored. A later one replaces it;
/// deleting the node deletes it. Immutable.
/// </summary>
/// <param name="Inventory">The hardware inventory, a JSON object.</param>
/// <param name="PluginData">The inspection's plugin data, a JSON object, or null when the inspection kept none.</param>
public sealed record NodeInventory(JsonElement Inventory, JsonElement? PluginData);
