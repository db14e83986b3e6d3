using System.Text.Json.Nodes;
using IronicCore.Api.Hosting;

namespace IronicCore.Api.Volumes;

/// <summary>
/// What differs between volume connectors and volume targets for the routes they share (list,
/// show, delete): names, the columns a list sorts by, how an item is read, rendered and deleted.
/// </summary>
/// <typeparam name="T">The conductor's view of one item.</typeparam>
internal sealed class VolumeResource<T>
{
    /// <summary>The path segment under <c>/v1/volume/</c> and the list's key: <c>connectors</c> or <c>targets</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The path argument's name in Ironic's messages: <c>connector_uuid</c> or <c>target_uuid</c>.</summary>
    public required string IdentName { get; init; }

    /// <summary>The fields a list shows without <c>detail</c> or <c>fields</c>.</summary>
    public required string[] ListDefault { get; init; }

    /// <summary>Columns Ironic's controller refuses to sort by (its own message, unquoted).</summary>
    public required string[] UnsortableKeys { get; init; }

    /// <summary>The table's other columns, with the value a list sorts an item by.</summary>
    public required IReadOnlyDictionary<string, Func<T, IComparable?>> SortKeys { get; init; }

    public required Func<SimulationState, IReadOnlyList<T>> All { get; init; }

    public required Func<SimulationState, string, T> Get { get; init; }

    public required Action<SimulationState, string> Delete { get; init; }

    public required Func<T, string> UuidOf { get; init; }

    public required Func<T, string> NodeOf { get; init; }

    public required Func<string, Exception> NotFound { get; init; }

    /// <summary>Renders an item with every field (the base URL given); the caller selects fields.</summary>
    public required Func<T, string, JsonObject> Render { get; init; }

    /// <summary>What Ironic's schema errors call a create body: <c>connector</c> or <c>target</c>.</summary>
    public required string BodyName { get; init; }

    /// <summary>The fields a patch may name (Ironic's <c>PATCH_ALLOWED_FIELDS</c>).</summary>
    public required string[] Patchable { get; init; }

    /// <summary>Ironic's schema check of a document, under the given name.</summary>
    public required Action<JsonObject, string> Check { get; init; }

    /// <summary>The item as Ironic's object holds it, for a patch to apply to.</summary>
    public required Func<T, JsonObject> Document { get; init; }

    /// <summary>Creates the item a checked body describes (its node exists).</summary>
    public required Func<SimulationState, JsonObject, T> Create { get; init; }

    /// <summary>Stores a checked document's fields on the item with the UUID.</summary>
    public required Func<SimulationState, string, JsonObject, T> Update { get; init; }
}
