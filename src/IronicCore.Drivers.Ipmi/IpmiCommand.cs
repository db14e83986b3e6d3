namespace IronicCore.Drivers.Ipmi;

/// <summary>The ipmitool commands the ipmitool interfaces send; an enum so a command allocates nothing.</summary>
internal enum IpmiCommand
{
    PowerStatus,
    PowerOn,
    PowerOff,
    PowerSoft,
    DisableBootTimeout,
    BootdevPxe,
    BootdevDisk,
    BootdevCdrom,
    BootdevBios,
    BootdevSafe,
    BootdevPxePersistent,
    BootdevDiskPersistent,
    BootdevCdromPersistent,
    BootdevBiosPersistent,
    BootdevSafePersistent,
    BootparamGetBootFlags,
    PowerDiag,
    Raw,
    BmcResetWarm,
    BmcResetCold,
}
