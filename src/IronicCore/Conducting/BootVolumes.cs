using System.Text.Json;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's <c>deploy_utils.populate_storage_driver_internal_info</c>, which the direct deploy's
/// <c>prepare</c> runs first: a boot volume (the node's volume target with boot index 0) of type
/// <c>iscsi</c> or <c>fibre_channel</c> needs the matching capability in the node's
/// <c>properties.capabilities</c>. No boot interface simulated boots from a volume (only iPXE has
/// that capability), so nothing is recorded for booting from it.
/// </summary>
internal static class BootVolumes
{
    /// <exception cref="StorageErrorException">The node cannot boot the volume type it has.</exception>
    /// <exception cref="InvalidParameterValueException"><c>capabilities</c> is not a string of <c>key:value</c> pairs.</exception>
    public static void Check(ConductorContext context, Node node)
    {
        if (context.Volumes.Targets.Count == 0)
        {
            return;
        }

        var boot = context.Volumes.Targets.FirstOrDefault(t => t.BootIndex == 0 && string.Equals(t.NodeUuid, node.Uuid, StringComparison.OrdinalIgnoreCase));
        if (boot is null)
        {
            return;
        }

        var type = boot.VolumeType.ToLowerInvariant();
        var capabilities = Capabilities(node.Details.Properties);
        if (type == "iscsi" && !capabilities.Contains("iscsi_boot"))
        {
            throw new StorageErrorException($"Node {node.Uuid} has an iSCSI boot volume defined and no iSCSI boot support available.");
        }

        if (type == "fibre_channel" && !capabilities.Contains("fibre_channel_boot"))
        {
            throw new StorageErrorException($"Node {node.Uuid} has a Fibre Channel boot volume defined and no Fibre Channel boot support available.");
        }
    }

    /// <summary>Ironic's <c>capabilities_to_dict</c>: the keys of <c>"key:value,key:value"</c>.</summary>
    private static HashSet<string> Capabilities(JsonElement properties)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (!properties.TryGetProperty("capabilities", out var value) || value.ValueKind is JsonValueKind.Null
            || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0))
        {
            return keys;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidParameterValueException($"Value of 'capabilities' must be string. Got {PythonType(value)}");
        }

        foreach (var capability in value.GetString()!.Split(','))
        {
            var parts = capability.Split(':');
            keys.Add(parts.Length == 2 ? parts[0] : throw new InvalidParameterValueException($"Malformed capabilities value: {capability}"));
        }

        return keys;
    }

    private static string PythonType(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "<class 'dict'>",
        JsonValueKind.Array => "<class 'list'>",
        JsonValueKind.True or JsonValueKind.False => "<class 'bool'>",
        _ => value.TryGetInt64(out _) ? "<class 'int'>" : "<class 'float'>",
    };
}
