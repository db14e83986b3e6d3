using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Errors;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>redfish</c> vendor interface (<c>RedfishVendorPassthru</c>, the same in 21.4, 2025.1
/// and master): the asynchronous passthru method <c>eject_vmedia</c>, under the exclusive lock, which
/// ejects every inserted virtual media device. Its validation refuses a <c>boot_device</c> that not
/// every device of the system's manager takes, which on the simulated BMC (a CD/DVD slot and a USB
/// slot) is any. Ironic's event subscription methods are not simulated (the BMC has no event service).
/// </summary>
internal sealed class RedfishVendor(RedfishClient client, RedfishManagement management) : IVendorInterface
{
    private const string EjectVmedia = "eject_vmedia";

    public string Name => "redfish";

    public ImmutableArray<VendorPassthruMethod> Methods { get; } =
    [
        new(EjectVmedia, ["POST"], Async: true,
            "Eject a virtual media device. If no device is provided then all attached devices will be ejected. Optional arguments: "
            + "'boot_device' - the boot device to eject, either 'cd', 'dvd', 'usb', or 'floppy'",
            Attach: false, RequireExclusiveLock: true),
    ];

    /// <summary><c>_validate_eject_vmedia</c>: without a true <c>boot_device</c> nothing is checked; with one, the system is read and every device must take it.</summary>
    public void Validate(DriverTask task, string method, JsonElement args)
    {
        if (!(args.TryGetProperty("boot_device", out var device) && PythonValue.IsTruthy(device)))
        {
            return;
        }

        var system = client.GetSystem(task);
        var name = device.ValueKind == JsonValueKind.String ? device.GetString()! : device.GetRawText();
        foreach (var slot in system.VirtualMedia)
        {
            if (!slot.MediaTypes.Contains(name))
            {
                throw new InvalidParameterValueException($"Boot device {name} is not a valid value ");
            }
        }
    }

    /// <summary><c>eject_vmedia</c>: <c>redfish_boot.eject_vmedia</c> of the device asked for, or of every device.</summary>
    public JsonElement? Invoke(DriverTask task, string method, string httpMethod, JsonElement args)
    {
        var device = args.TryGetProperty("boot_device", out var value) && PythonValue.IsTruthy(value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        management.EjectVirtualMedia(task, device);
        return null;
    }
}
