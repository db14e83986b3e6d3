namespace IronicCore.Drivers.Ipmi;

/// <summary>What each <see cref="IpmiCommand"/> says on ipmitool's command line.</summary>
internal static class IpmiCommandExtensions
{
    private static readonly string[] Texts =
    [
        "power status",
        "power on",
        "power off",
        "power soft",
        "raw 0x00 0x08 0x03 0x08",
        "chassis bootdev pxe",
        "chassis bootdev disk",
        "chassis bootdev cdrom",
        "chassis bootdev bios",
        "chassis bootdev safe",
        "chassis bootdev pxe options=persistent",
        "chassis bootdev disk options=persistent",
        "chassis bootdev cdrom options=persistent",
        "chassis bootdev bios options=persistent",
        "chassis bootdev safe options=persistent",
        "chassis bootparam get 5",
        "power diag",
        "raw",
        "bmc reset warm",
        "bmc reset cold",
    ];

    public static string Text(this IpmiCommand command) => Texts[(int)command];

    public static bool IsPowerAction(this IpmiCommand command) => command is IpmiCommand.PowerOn or IpmiCommand.PowerOff or IpmiCommand.PowerSoft;

    public static IpmiCommand Bootdev(BootDevice device, bool persistent) =>
        (persistent ? IpmiCommand.BootdevPxePersistent : IpmiCommand.BootdevPxe) + (int)device;

    public static (BootDevice Device, bool Persistent) BootDevice(this IpmiCommand command) =>
        command >= IpmiCommand.BootdevPxePersistent
            ? ((BootDevice)(command - IpmiCommand.BootdevPxePersistent), true)
            : ((BootDevice)(command - IpmiCommand.BootdevPxe), false);
}
