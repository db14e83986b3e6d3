using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Nodes;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// What the fake BIOS interface's steps write (Ironic's <c>FakeBIOS</c> over
/// <c>BIOSSettingList.sync_node_setting</c>): <c>apply_configuration</c> makes the node's cached
/// settings exactly the given ones (new names created, changed values updated, names not given
/// deleted), <c>factory_reset</c> deletes them all. Kept in name order, as the database's key
/// (node, name) returns them.
/// </summary>
internal static class FakeBios
{
    /// <summary>The registry fields a setting may carry (API 1.74), as Ironic's database stores them.</summary>
    public static readonly ImmutableArray<string> RegistryFields =
        ["attribute_type", "allowable_values", "lower_bound", "max_length", "min_length", "read_only", "reset_required", "unique", "upper_bound"];

    /// <summary>
    /// The settings after <c>apply_configuration</c> of <paramref name="given"/> (already checked
    /// to be objects with a <c>name</c>), or the error the step fails with, nothing written.
    /// </summary>
    /// <param name="node">The node, whose database id Ironic's duplicate error names.</param>
    /// <param name="given">The step's <c>settings</c>.</param>
    /// <param name="now">When the step runs.</param>
    public static (ImmutableArray<BiosSetting> Settings, string? Error) Apply(Node node, JsonElement given, DateTimeOffset now)
    {
        var current = node.Details.BiosSettings;
        var result = ImmutableArray.CreateBuilder<BiosSetting>();
        var created = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var setting in given.EnumerateArray())
        {
            if (!setting.TryGetProperty("value", out var value))
            {
                return ([], "'value'");
            }

            if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return ([], $"IronicCore keeps BIOS setting values as text: {setting.GetProperty("name")} has a {value.ValueKind} value, which Ironic's database would convert");
            }

            var name = setting.GetProperty("name").ToString();
            names.Add(name);
            if (!current.Any(s => s.Name == name) && !created.Add(name))
            {
                return ([], $"A BIOS setting {name} for node {node.Index + 1} already exists.");
            }
        }

        foreach (var existing in current)
        {
            if (names.Contains(existing.Name))
            {
                var update = Last(given, existing.Name);
                var value = update.GetProperty("value").GetString();
                result.Add(value == existing.Value ? existing : existing with { Value = value, UpdatedAt = now, Registry = Registry(update) });
            }
        }

        foreach (var setting in given.EnumerateArray())
        {
            var name = setting.GetProperty("name").ToString();
            if (created.Remove(name))
            {
                result.Add(new BiosSetting(name, setting.GetProperty("value").GetString(), now, null) { Registry = Registry(setting) });
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return (result.ToImmutable(), null);
    }

    private static JsonElement Last(JsonElement given, string name) =>
        given.EnumerateArray().Last(s => s.GetProperty("name").ToString() == name);

    private static JsonElement Registry(JsonElement setting)
    {
        var registry = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in RegistryFields)
        {
            if (setting.TryGetProperty(field, out var value))
            {
                registry[field] = value;
            }
        }

        return registry.Count == 0 ? JsonObjects.Empty : JsonSerializer.SerializeToElement(registry);
    }
}
