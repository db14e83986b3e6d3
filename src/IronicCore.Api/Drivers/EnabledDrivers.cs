using System.Text.Json.Nodes;
using IronicCore.Api.Errors;

namespace IronicCore.Api.Drivers;

/// <summary>
/// The hardware types this conductor serves, with their interfaces as Ironic's driver API
/// lists them. The simulated conductor runs fake-hardware.
/// </summary>
internal static class EnabledDrivers
{
    public const string FakeHardware = "fake-hardware";

    public static readonly string[] Names = [FakeHardware];

    /// <summary>Per interface: the default, then every enabled implementation.</summary>
    public static readonly IReadOnlyList<(string Interface, string[] Enabled)> FakeHardwareInterfaces =
    [
        ("bios", ["fake"]),
        ("boot", ["fake"]),
        ("console", ["fake"]),
        ("deploy", ["fake", "direct"]),
        ("inspect", ["fake"]),
        ("management", ["fake"]),
        ("network", ["flat"]),
        ("power", ["fake"]),
        ("raid", ["fake"]),
        ("rescue", ["fake", "agent", "no-rescue"]),
        ("storage", ["fake"]),
        ("vendor", ["fake"]),
    ];

    /// <summary>Ironic's <c>get_topic_for</c>: a node must map to a live conductor for its driver and group (re-coded 400 by the API).</summary>
    public static void EnsureServed(string driver, string group, string conductorGroup)
    {
        if (!Names.Contains(driver) || !string.Equals(group, conductorGroup, StringComparison.OrdinalIgnoreCase))
        {
            throw ApiFault.BadRequest(
                $"No valid host was found. Reason: No conductor service registered which supports driver {driver} for conductor group \"{group}\".");
        }
    }

    /// <summary>Refuses an interface the hardware type does not support (Ironic's <c>IncompatibleInterface</c>, 400).</summary>
    public static void EnsureSupported(string interfaceType, string implementation)
    {
        var enabled = FakeHardwareInterfaces.FirstOrDefault(i => i.Interface == interfaceType).Enabled ?? [];
        if (!enabled.Contains(implementation))
        {
            throw ApiFault.BadRequest(
                $"{interfaceType} interface implementation '{implementation}' is not supported by hardware type {FakeHardware}.");
        }
    }

    /// <summary>The detail fields of <c>GET /v1/drivers?detail=True</c>.</summary>
    public static void AddDetail(JsonObject driver)
    {
        foreach (var (name, enabled) in FakeHardwareInterfaces)
        {
            driver[$"default_{name}_interface"] = enabled[0];
            driver[$"enabled_{name}_interfaces"] = new JsonArray([.. enabled.Select(e => (JsonNode)e)]);
        }
    }
}
