namespace IronicCore.Drivers.Redfish;

/// <summary>
/// The firmware versions a simulated system reports (its <c>BiosVersion</c>, its manager's
/// <c>FirmwareVersion</c>, and the <c>UpdateService</c>'s <c>FirmwareInventory</c>). Not
/// thread-safe: use it from the simulation's thread.
/// </summary>
public sealed class RedfishFirmware
{
    /// <summary>The BIOS's version. Default <c>1.0.0</c>.</summary>
    public string BiosVersion { get; internal set; } = "1.0.0";

    /// <summary>The BMC's version. Default <c>1.00</c>.</summary>
    public string BmcVersion { get; internal set; } = "1.00";
}
