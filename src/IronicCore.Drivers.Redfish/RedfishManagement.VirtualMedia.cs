using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <content>
/// Virtual media through the API (2025.1 and master's <c>get_virtual_media</c>,
/// <c>attach_virtual_media</c>, <c>detach_virtual_media</c> over <c>redfish.boot</c>'s helpers; 21.4's
/// interface has none and refuses as Ironic's base class).
/// </content>
internal sealed partial class RedfishManagement
{
    /// <summary>Ironic's <c>_insert_vmedia_in_resource</c> retries on a 5xx: attempts, and the wait between two.</summary>
    private const int InsertAttempts = 3;

    private static readonly TimeSpan InsertRetryWait = TimeSpan.FromSeconds(3);

    public IReadOnlyList<VirtualMediaSlot> GetVirtualMedia(DriverTask task)
    {
        RefuseIn21_4(task, "get_virtual_media");
        var system = client.GetSystem(task);
        var slots = new VirtualMediaSlot[system.VirtualMedia.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = system.VirtualMedia[i];
            slots[i] = new VirtualMediaSlot(slot.MediaTypes, slot.Inserted, slot.Image);
        }

        return slots;
    }

    /// <summary>
    /// <c>redfish_boot.insert_vmedia</c> into the device of Ironic's type (<c>VMEDIA_DEVICES_MAP</c>:
    /// cdrom is <c>CD</c> (a DVD slot takes it too), floppy <c>Floppy</c>, disk <c>USBStick</c>). Master ejects
    /// the slots of that type first and words every failure (<c>InvalidParameterValue</c>); 2025.1 skips a
    /// slot holding another image, takes one holding this image as done, and lets a 5xx through
    /// after its retries.
    /// </summary>
    public void AttachVirtualMedia(DriverTask task, string deviceType, string imageUrl)
    {
        RefuseIn21_4(task, "attach_virtual_media");
        var mediaType = MediaType(deviceType);
        var system = client.GetSystem(task);
        var master = client.Release == IronicRelease.Master;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (InsertInto(task, system, mediaType, imageUrl, master))
                {
                    return;
                }

                throw new InvalidParameterValueException(master
                    ? $"No suitable virtual media device found for node {task.NodeUuid} to mount image {imageUrl}"
                    : "No suitable virtual media device found");
            }
            catch (SushyHttpErrorException) when (attempt < InsertAttempts)
            {
                client.Charge(task, InsertRetryWait);
            }
            catch (SushyHttpErrorException error) when (master)
            {
                throw new InvalidParameterValueException($"Virtual media mount failed for node {task.NodeUuid} with image {imageUrl}. Error: {error.Message}");
            }
        }
    }

    /// <summary><c>redfish_boot.eject_vmedia</c> for each type asked (every device when none): inserted devices of that type are ejected.</summary>
    public void DetachVirtualMedia(DriverTask task, IReadOnlyList<string>? deviceTypes)
    {
        RefuseIn21_4(task, "detach_virtual_media");
        if (deviceTypes is null)
        {
            EjectVirtualMedia(task, null);
            return;
        }

        foreach (var deviceType in deviceTypes)
        {
            EjectVirtualMedia(task, MediaType(deviceType));
        }
    }

    /// <summary><c>redfish_boot.eject_vmedia</c>: reads the system, then ejects every inserted device taking <paramref name="mediaType"/> (a DVD slot for <c>CD</c>; every device when null).</summary>
    public void EjectVirtualMedia(DriverTask task, string? mediaType)
    {
        var system = client.GetSystem(task);
        foreach (var slot in system.VirtualMedia)
        {
            if (mediaType is null || slot.Takes(mediaType))
            {
                client.EjectMedia(task, system, slot.Device);
            }
        }
    }

    /// <summary>Ironic's <c>VMEDIA_DEVICES_MAP_REV</c>.</summary>
    private static string MediaType(string deviceType) => deviceType switch
    {
        "cdrom" => "CD",
        "floppy" => "Floppy",
        "disk" => "USBStick",
        _ => throw new InvalidParameterValueException($"Invalid device type {deviceType}"),
    };

    /// <summary>One pass of <c>_insert_vmedia_in_resource</c> over the system's manager: whether an image went in.</summary>
    private bool InsertInto(DriverTask task, RedfishSystem system, string mediaType, string imageUrl, bool master)
    {
        if (master)
        {
            foreach (var slot in system.VirtualMedia)
            {
                if (slot.Takes(mediaType))
                {
                    client.EjectMedia(task, system, slot.Device);
                }
            }
        }

        foreach (var slot in system.VirtualMedia)
        {
            if (!slot.Takes(mediaType))
            {
                continue;
            }

            if (!master && slot.Inserted)
            {
                if (slot.Image == imageUrl)
                {
                    return true;
                }

                continue;
            }

            client.InsertMedia(task, system, slot.Device, imageUrl);
            return true;
        }

        return false;
    }

    private void RefuseIn21_4(DriverTask task, string extension)
    {
        if (client.Release == IronicRelease.Release21_4)
        {
            throw new UnsupportedDriverExtensionException(task.DriverName, extension);
        }
    }
}
