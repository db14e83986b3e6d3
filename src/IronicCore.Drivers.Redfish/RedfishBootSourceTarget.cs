namespace IronicCore.Drivers.Redfish;

/// <summary>A Redfish system's <c>Boot.BootSourceOverrideTarget</c>: the device it boots from while an override is enabled.</summary>
public enum RedfishBootSourceTarget : byte
{
    /// <summary><c>None</c>: no override; the machine's own boot order.</summary>
    None,

    /// <summary><c>Pxe</c>: the network.</summary>
    Pxe,

    /// <summary><c>Cd</c>: the CD drive, where virtual media is inserted.</summary>
    Cd,

    /// <summary><c>Usb</c>: a USB device.</summary>
    Usb,

    /// <summary><c>Hdd</c>: the local disk.</summary>
    Hdd,

    /// <summary><c>BiosSetup</c>: the firmware's setup.</summary>
    BiosSetup,

    /// <summary><c>UefiHttp</c>: UEFI HTTP boot.</summary>
    UefiHttp,
}
