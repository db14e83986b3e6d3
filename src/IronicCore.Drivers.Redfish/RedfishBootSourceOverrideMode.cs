namespace IronicCore.Drivers.Redfish;

/// <summary>A Redfish system's <c>Boot.BootSourceOverrideMode</c>: the firmware's boot mode.</summary>
public enum RedfishBootSourceOverrideMode : byte
{
    /// <summary><c>UEFI</c> (Ironic's <c>uefi</c>; the simulated system's at first).</summary>
    Uefi,

    /// <summary><c>Legacy</c> (Ironic's <c>bios</c>).</summary>
    Legacy,
}
