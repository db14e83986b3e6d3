using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>A boot device, by Ironic's names (<c>ironic/common/boot_devices.py</c>).</summary>
public enum BootDevice : byte
{
    /// <summary><c>pxe</c>: network boot.</summary>
    [IronicName("pxe")]
    Pxe,

    /// <summary><c>disk</c>: the local disk.</summary>
    [IronicName("disk")]
    Disk,

    /// <summary><c>cdrom</c>.</summary>
    [IronicName("cdrom")]
    Cdrom,

    /// <summary><c>bios</c>: the firmware set-up.</summary>
    [IronicName("bios")]
    Bios,

    /// <summary><c>safe</c>: the local disk, safe mode.</summary>
    [IronicName("safe")]
    Safe,

    /// <summary><c>wanboot</c>: SPARC's boot over a wide-area network.</summary>
    [IronicName("wanboot")]
    Wanboot,

    /// <summary><c>iscsiboot</c>: a remote iSCSI volume.</summary>
    [IronicName("iscsiboot")]
    Iscsiboot,

    /// <summary><c>floppy</c>.</summary>
    [IronicName("floppy")]
    Floppy,
}
