namespace IronicCore.Drivers.Redfish;

/// <summary>A virtual media device of a system's manager (<c>Managers/{id}/VirtualMedia/{Id}</c>).</summary>
public enum RedfishVirtualMediaDevice : byte
{
    /// <summary><c>Cd</c>: media types CD and DVD; Ironic inserts its ISOs here.</summary>
    Cd,

    /// <summary><c>Usb</c>: media type USBStick; Ironic inserts floppy/configuration images here.</summary>
    Usb,
}
