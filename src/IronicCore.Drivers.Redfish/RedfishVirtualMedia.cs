namespace IronicCore.Drivers.Redfish;

/// <summary>
/// One virtual media slot of a simulated BMC's manager: the image inserted in it, if any. Ironic's
/// redfish-virtual-media boot inserts the ramdisk or instance ISO into <see cref="RedfishVirtualMediaDevice.Cd"/>
/// and ejects it again. Not thread-safe: use it from the simulation's thread.
/// </summary>
public sealed class RedfishVirtualMedia
{
    internal RedfishVirtualMedia(RedfishVirtualMediaDevice device) => Device = device;

    /// <summary>Which slot it is.</summary>
    public RedfishVirtualMediaDevice Device { get; }

    /// <summary>The URL of the image inserted (<c>Image</c>), or null when the slot is empty.</summary>
    public string? Image { get; internal set; }

    /// <summary>Whether an image is inserted (<c>Inserted</c>).</summary>
    public bool Inserted => Image is not null;

    /// <summary>Whether the image is inserted read-only (<c>WriteProtected</c>; true unless the inserter said otherwise).</summary>
    public bool WriteProtected { get; internal set; } = true;

    /// <summary>Inserts an image (<c>VirtualMedia.InsertMedia</c>).</summary>
    internal void Insert(string image, bool writeProtected)
    {
        Image = image;
        WriteProtected = writeProtected;
    }

    /// <summary>Ejects whatever is inserted (<c>VirtualMedia.EjectMedia</c>).</summary>
    internal void Eject()
    {
        Image = null;
        WriteProtected = true;
    }
}
