using System.Collections.Immutable;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// One virtual media slot of a simulated BMC's manager: the image inserted in it, if any. Ironic's
/// redfish-virtual-media boot inserts the ramdisk or instance ISO into <see cref="RedfishVirtualMediaDevice.Cd"/>
/// and ejects it again. Not thread-safe: use it from the simulation's thread.
/// </summary>
public sealed class RedfishVirtualMedia
{
    internal RedfishVirtualMedia(RedfishVirtualMediaDevice device)
    {
        Device = device;
        MediaTypes = device == RedfishVirtualMediaDevice.Cd ? ["CD", "DVD"] : ["USBStick"];
    }

    /// <summary>Which slot it is.</summary>
    public RedfishVirtualMediaDevice Device { get; }

    /// <summary>The media types it takes (<c>MediaTypes</c>): <c>CD</c> and <c>DVD</c>, or <c>USBStick</c>.</summary>
    public ImmutableArray<string> MediaTypes { get; }

    /// <summary>The URL of the image inserted (<c>Image</c>), or null when the slot is empty.</summary>
    public string? Image { get; internal set; }

    /// <summary>Whether an image is inserted (<c>Inserted</c>).</summary>
    public bool Inserted => Image is not null;

    /// <summary>Whether the image is inserted read-only (<c>WriteProtected</c>; true unless the inserter said otherwise).</summary>
    public bool WriteProtected { get; internal set; } = true;

    /// <summary>Whether Ironic inserts or ejects media of <paramref name="mediaType"/> here: the slot takes it, or it is <c>CD</c> and the slot takes <c>DVD</c>.</summary>
    internal bool Takes(string mediaType) => MediaTypes.Contains(mediaType) || (mediaType == "CD" && MediaTypes.Contains("DVD"));

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
