namespace IronicCore.Scenarios;

/// <summary>Which hardware a generated scenario's nodes run (<see cref="ScenarioGenerator"/>).</summary>
public enum ScenarioProfile
{
    /// <summary><c>fake-hardware</c> with every interface fake: every operation finishes inside its request.</summary>
    Fake,

    /// <summary><c>fake-hardware</c> with <c>deploy_interface: direct</c>: cleaning runs on the ramdisk agent.</summary>
    FakeDirect,

    /// <summary><c>ipmi</c>: ipmitool power and management, PXE boot, the agent's direct deploy.</summary>
    Ipmi,

    /// <summary>Each node draws one of <see cref="Fake"/>, <see cref="FakeDirect"/> and <see cref="Ipmi"/> (as before redfish, so a seed's file stays the same).</summary>
    Mixed,

    /// <summary><c>redfish</c>: redfish power and management, virtual media (or pxe, ipxe) boot, the agent's direct deploy, and the Redfish BMC's faults.</summary>
    Redfish,
}
