using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <content>
/// Ironic's redfish <c>detect_vendor</c> and indicators. The simulated BMC models the system's
/// <c>IndicatorLED</c> only (its chassis and drives report none, as the oracle's BMC's do), so the
/// one indicator is the system's, its id the system's <c>UUID</c> (the node's).
/// </content>
internal sealed partial class RedfishManagement
{
    private const string SystemComponent = "system";

    private static readonly string[] IndicatorStates = ["blinking", "off", "on"];

    /// <summary>21.4 and 2025.1: the system's <c>Manufacturer</c>; master: the service root's <c>Vendor</c> first.</summary>
    public bool TryDetectVendor(DriverTask task, out string? vendor)
    {
        vendor = (client.Release == IronicRelease.Master ? client.GetRootVendor(task) : null) ?? client.GetSystem(task).Manufacturer;
        return true;
    }

    /// <summary>The system's indicator, settable, when the system or every component is asked for.</summary>
    public IReadOnlyList<SupportedIndicator> GetSupportedIndicators(DriverTask task, string? component)
    {
        var system = client.GetSystem(task);
        return component is null or SystemComponent ? [new(SystemComponent, system.NodeUuid, ReadOnly: false, IndicatorStates)] : [];
    }

    /// <summary>The system's <c>IndicatorLED</c> in Ironic's words.</summary>
    /// <exception cref="MissingParameterValueException">The indicator is not the system's.</exception>
    public string GetIndicatorState(DriverTask task, string component, string indicator)
    {
        var system = client.GetSystem(task);
        EnsureSystemIndicator(task, system, component, indicator);
        return system.IndicatorLed switch
        {
            "Lit" => "on",
            "Off" => "off",
            "Blinking" => "blinking",
            _ => "unknown",
        };
    }

    /// <summary>A <c>PATCH</c> of the system's <c>IndicatorLED</c>.</summary>
    /// <exception cref="MissingParameterValueException">The indicator is not the system's.</exception>
    /// <exception cref="InvalidParameterValueException">The state is none of Ironic's indicator states.</exception>
    public void SetIndicatorState(DriverTask task, string component, string indicator, string state)
    {
        var system = client.GetSystem(task);
        EnsureSystemIndicator(task, system, component, indicator);

        // Ironic looks the state up in its map and fails with a bare KeyError (a 500) when it is none;
        // refused here with a typed error instead.
        var led = state switch
        {
            "on" => "Lit",
            "off" => "Off",
            "blinking" => "Blinking",
            "unknown" => "Unknown",
            _ => throw new InvalidParameterValueException("indicator state", state, ["blinking", "off", "on", "unknown"]),
        };
        client.Charge(task, client.Behaviour.RequestLatency);
        system.IndicatorLed = led;
    }

    private static void EnsureSystemIndicator(DriverTask task, RedfishSystem system, string component, string indicator)
    {
        if (component != SystemComponent || indicator != system.NodeUuid)
        {
            throw new MissingParameterValueException($"Unknown indicator {indicator} for component {component} of node {task.NodeUuid}");
        }
    }
}
