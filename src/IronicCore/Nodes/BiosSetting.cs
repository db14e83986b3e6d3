using System.Text.Json;

namespace IronicCore.Nodes;

/// <summary>
/// One of a node's cached BIOS settings (Ironic's <c>BIOSSetting</c> object, <c>bios_settings</c>
/// table), as the node's BIOS interface wrote it: the fake BIOS's <c>apply_configuration</c>
/// stores the settings it is given, <c>factory_reset</c> deletes them. Immutable.
/// </summary>
/// <param name="Name">The setting's name.</param>
/// <param name="Value">Its value, as text (or null).</param>
/// <param name="CreatedAt">When it was first stored.</param>
/// <param name="UpdatedAt">When its value last changed; null until it does.</param>
public sealed record BiosSetting(string Name, string? Value, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    /// <summary>
    /// The registry fields (API 1.74: <c>attribute_type</c>, <c>allowable_values</c>,
    /// <c>lower_bound</c>, <c>max_length</c>, <c>min_length</c>, <c>read_only</c>,
    /// <c>reset_required</c>, <c>unique</c>, <c>upper_bound</c>) the setting was given with, as a
    /// JSON object holding only those given.
    /// </summary>
    public JsonElement Registry { get; init; } = JsonObjects.Empty;
}
