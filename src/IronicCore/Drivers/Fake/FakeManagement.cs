using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// Ironic's <c>fake</c> management interface: it knows the PXE boot device only, so setting the
/// boot device to disk (a direct deploy's <c>prepare_instance_boot</c>) fails, as in Ironic 21.4;
/// it always reports PXE, not persistent, whatever was set. Its indicators are fixed: a read-only
/// chassis LED <c>led-0</c> and a system LED <c>led</c>, always reported <c>on</c>; it cannot set
/// them (Ironic's base class refuses).
/// </summary>
internal sealed class FakeManagement : IManagementInterface
{
    public static readonly FakeManagement Instance = new();

    private static readonly SupportedIndicator[] Indicators =
    [
        new("chassis", "led-0", ReadOnly: true, ["off", "on"]),
        new("system", "led", ReadOnly: false, ["blinking", "off", "on"]),
    ];

    public string Name => "fake";

    public void Validate(DriverTask task)
    {
    }

    public IReadOnlyList<BootDevice> GetSupportedBootDevices(DriverTask task) => [BootDevice.Pxe];

    public BootDeviceSetting GetBootDevice(DriverTask task) => new(BootDevice.Pxe, false);

    public void SetBootDevice(DriverTask task, BootDevice device, bool persistent)
    {
        if (device != BootDevice.Pxe)
        {
            throw new InvalidParameterValueException($"Invalid boot device {device.ToIronicName()} specified.");
        }
    }

    /// <summary>Ironic's fake indicators, chassis first, filtered to <paramref name="component"/> when one is named (an unknown one has none).</summary>
    public IReadOnlyList<SupportedIndicator> GetSupportedIndicators(DriverTask task, string? component) =>
        component is null ? Indicators : [.. Indicators.Where(indicator => indicator.Component == component)];

    /// <summary>Always <c>on</c>, for an indicator it has.</summary>
    public string GetIndicatorState(DriverTask task, string component, string indicator)
    {
        if (!Indicators.Any(known => known.Component == component))
        {
            throw new InvalidParameterValueException($"Invalid component {component} specified.");
        }

        if (!Indicators.Any(known => known.Component == component && known.Name == indicator))
        {
            throw new InvalidParameterValueException($"Invalid indicator {indicator} specified.");
        }

        return "on";
    }
}
