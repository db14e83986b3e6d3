namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// The registered <c>ipmi</c> hardware type and its simulated BMCs: look a node's BMC up to
/// inject faults or read what it was told. It is one of the conductor's
/// <see cref="Conductor.DriverStates"/>, so the conductor's snapshots keep the BMCs (a loaded
/// conductor's: <c>conductor.DriverStates.OfType&lt;IpmiHardware&gt;()</c>). Not thread-safe: use it
/// from the simulation's thread.
/// </summary>
public sealed partial class IpmiHardware : DriverState
{
    private readonly Ipmitool ipmitool;

    internal IpmiHardware(HardwareType type, Ipmitool ipmitool)
        : base(IpmiDriverPackage.Instance)
    {
        Type = type;
        this.ipmitool = ipmitool;
    }

    /// <summary>The hardware type as registered with the conductor.</summary>
    public HardwareType Type { get; }

    /// <summary>How the BMCs take their time.</summary>
    public BmcBehaviour Behaviour => ipmitool.Behaviour;

    /// <summary>The BMC of the node with this UUID (made on first use, so faults can be set before the first command).</summary>
    public SimulatedBmc GetBmc(string nodeUuid)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeUuid);
        return ipmitool.BmcOf(nodeUuid);
    }
}
