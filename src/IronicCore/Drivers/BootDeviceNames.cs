using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>The wire names of <see cref="BootDevice"/>. Thread-safe.</summary>
public static class BootDeviceNames
{
    /// <summary>Ironic's name for a boot device, e.g. <c>"pxe"</c>.</summary>
    public static string ToIronicName(this BootDevice value) => NameTable<BootDevice>.NameOf(value);
}
