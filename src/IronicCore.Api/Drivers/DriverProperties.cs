using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Drivers;

/// <summary>
/// Ironic's driver properties (<c>GET /v1/drivers/{name}/properties</c>: the hardware type's
/// <c>get_properties</c>): what the default implementation of each interface documents in its
/// <c>get_properties()</c>, together. The names and descriptions are Ironic's own, kept as data
/// (DriverProperties.json, read from 21.4, 29.0 and master, where they are the same); an
/// implementation not in it documents none (the fake and no-op ones).
/// </summary>
internal static class DriverProperties
{
    /// <summary>
    /// Ironic's <c>BareDriver.all_interfaces</c> order. Ironic walks a set of them, so where two
    /// interfaces document one property (the direct deploy's and PXE boot's <c>deploy_ramdisk</c>)
    /// which description a real Ironic gives varies from one of its processes to another; here the
    /// later in this order wins, always.
    /// </summary>
    private static readonly string[] InterfaceOrder = ["boot", "deploy", "management", "network", "power", "bios", "console", "inspect", "raid", "rescue", "storage", "vendor"];

    private static readonly FrozenDictionary<string, KeyValuePair<string, string>[]> Documented = Read();

    /// <summary>The properties of a served hardware type with its default interfaces.</summary>
    public static JsonObject Of(EnabledDrivers drivers, string driver)
    {
        var properties = new JsonObject();
        foreach (var interfaceType in InterfaceOrder)
        {
            if (Documented.TryGetValue($"{interfaceType}/{drivers.Default(driver, interfaceType)}", out var documented))
            {
                foreach (var (name, description) in documented)
                {
                    properties[name] = description;
                }
            }
        }

        return properties;
    }

    /// <summary>Per <c>interface/implementation</c>, its properties: the groups the data names for it, merged in order.</summary>
    private static FrozenDictionary<string, KeyValuePair<string, string>[]> Read()
    {
        using var stream = typeof(DriverProperties).Assembly.GetManifestResourceStream("DriverProperties.json")
            ?? throw new InvalidOperationException("DriverProperties.json is not embedded.");
        using var data = JsonDocument.Parse(stream);
        var groups = data.RootElement.GetProperty("groups");
        var documented = new Dictionary<string, KeyValuePair<string, string>[]>(StringComparer.Ordinal);
        foreach (var interfaceType in data.RootElement.GetProperty("implementations").EnumerateObject())
        {
            foreach (var implementation in interfaceType.Value.EnumerateObject())
            {
                documented[$"{interfaceType.Name}/{implementation.Name}"] =
                [
                    .. implementation.Value.EnumerateArray()
                        .SelectMany(group => groups.GetProperty(group.GetString()!).EnumerateObject())
                        .Select(property => new KeyValuePair<string, string>(property.Name, property.Value.GetString()!)),
                ];
            }
        }

        return documented.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
