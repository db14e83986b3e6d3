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

    /// <summary>Each node draws one of the three others.</summary>
    Mixed,
}
