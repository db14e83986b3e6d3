using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Drivers;

namespace IronicCore.Api.Drivers;

/// <summary>
/// The hardware types the conductor serves (those registered and enabled), with their interfaces
/// as Ironic's driver API lists them: per interface the default first, then the other enabled
/// implementations (<see cref="Conductor.GetHardwareTypeInterfaces"/>). Immutable once built.
/// </summary>
internal sealed class EnabledDrivers
{
    public const string FakeHardware = "fake-hardware";

    private readonly FrozenDictionary<string, ImmutableArray<KeyValuePair<string, ImmutableArray<string>>>> byDriver;
    private readonly FrozenDictionary<string, ImmutableArray<string>> enabledNames;
    private readonly FrozenDictionary<string, string> firmware;

    public EnabledDrivers(Conductor conductor)
    {
        var types = conductor.HardwareTypes.ToList();
        Names = [.. types.Select(t => t.Name)];
        byDriver = types.ToFrozenDictionary(t => t.Name, t => conductor.GetHardwareTypeInterfaces(t.Name), StringComparer.Ordinal);
        firmware = types.ToFrozenDictionary(t => t.Name, t => t.Firmware?.Name ?? "no-firmware", StringComparer.Ordinal);
        enabledNames = SupportedInterfaces.InterfaceTypes
            .Select(type => (type, names: conductor.GetEnabledImplementations(type)))
            .Where(pair => pair.names is not null)
            .ToFrozenDictionary(pair => pair.type, pair => pair.names!.Value, StringComparer.Ordinal);
    }

    /// <summary>The served hardware types' names, fake-hardware first.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool Serves(string driver) => byDriver.ContainsKey(driver);

    /// <summary>Ironic's <c>get_topic_for</c>: a node must map to a live conductor for its driver and group (re-coded 400 by the API).</summary>
    public void EnsureServed(string driver, string group, string conductorGroup)
    {
        if (!Serves(driver) || !string.Equals(group, conductorGroup, StringComparison.OrdinalIgnoreCase))
        {
            throw ApiFault.BadRequest(
                $"No valid host was found. Reason: No conductor service registered which supports driver {driver} for conductor group \"{group}\".");
        }
    }

    /// <summary>Refuses an interface the hardware type does not support (Ironic's <c>IncompatibleInterface</c>, 400).</summary>
    public void EnsureSupported(string driver, string interfaceType, string implementation)
    {
        EnsureEnabled(interfaceType, implementation);
        if (!Supports(driver, interfaceType, implementation))
        {
            throw ApiFault.BadRequest(
                $"{interfaceType} interface implementation '{implementation}' is not supported by hardware type {driver}.");
        }

        EnsureTypesOwnVendor(driver, interfaceType, implementation);
    }

    /// <summary>
    /// Refuses a vendor interface other than the type's configured default: the simulation gives all
    /// of a type's nodes one vendor interface (its passthru methods and steps come with the driver),
    /// where Ironic would let a node take another the type supports.
    /// </summary>
    public void EnsureTypesOwnVendor(string driver, string interfaceType, string implementation)
    {
        if (interfaceType == "vendor" && implementation != Default(driver, interfaceType))
        {
            throw ApiFault.BadRequest(
                $"The simulated {driver} runs one vendor interface for all its nodes ('{Default(driver, interfaceType)}', its default under this " +
                $"configuration), not '{implementation}', which Ironic would accept; make it the default with [DEFAULT] default_vendor_interface.");
        }
    }

    /// <summary>
    /// Refuses, under a driver configuration, an implementation it does not enable (Ironic's
    /// <c>InterfaceNotFoundInEntrypoint</c>, 400: <c>driver_factory.get_interface</c> finds no such
    /// loaded name, before it asks whether the type supports it).
    /// </summary>
    public void EnsureEnabled(string interfaceType, string implementation)
    {
        if (enabledNames.TryGetValue(interfaceType, out var enabled) && !enabled.Contains(implementation))
        {
            throw ApiFault.BadRequest(
                $"Could not find the following interface in the 'ironic.hardware.interfaces.{interfaceType}' entrypoint: {implementation}. " +
                $"Valid interfaces are [{string.Join(", ", enabled.Select(name => $"'{name}'"))}].");
        }
    }

    /// <summary>Whether the simulation chooses implementations of this interface per type (not so for <c>firmware</c>: <c>no-firmware</c> everywhere).</summary>
    public static bool Lists(string interfaceType) => SupportedInterfaces.InterfaceTypes.Contains(interfaceType);

    /// <summary>Whether the hardware type supports the implementation of an interface (of <c>firmware</c>, only the one its nodes run).</summary>
    public bool Supports(string driver, string interfaceType, string implementation) =>
        interfaceType == "firmware" ? Firmware(driver) == implementation : Enabled(driver, interfaceType).Contains(implementation);

    /// <summary>
    /// The firmware interface a hardware type's nodes run: its own (redfish's <c>redfish</c> from
    /// 2025.1), else <c>no-firmware</c>. Ironic's other choices (<c>no-firmware</c> on a redfish node)
    /// are not simulated.
    /// </summary>
    public string Firmware(string driver) => firmware.GetValueOrDefault(driver, "no-firmware");

    /// <summary>The hardware type's default implementation of an interface.</summary>
    public string Default(string driver, string interfaceType) => Enabled(driver, interfaceType)[0];

    /// <summary>The detail fields of <c>GET /v1/drivers?detail=True</c>.</summary>
    public void AddDetail(string driver, JsonObject answer)
    {
        foreach (var (name, enabled) in byDriver[driver])
        {
            answer[$"default_{name}_interface"] = enabled[0];
            answer[$"enabled_{name}_interfaces"] = new JsonArray([.. enabled.Select(e => (JsonNode)e)]);
        }
    }

    private ImmutableArray<string> Enabled(string driver, string interfaceType) =>
        byDriver.TryGetValue(driver, out var interfaces) && interfaces.FirstOrDefault(i => i.Key == interfaceType) is { Value.IsDefault: false } found ? found.Value : [];
}
