namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// The registered <c>ipmi</c> hardware type and its simulated BMCs: look a node's BMC up to
/// inject faults or read what it was told. Not thread-safe: use it from the simulation's thread.
/// </summary>
public sealed class IpmiHardware
{
    private readonly Ipmitool ipmitool;

    internal IpmiHardware(HardwareType type, Ipmitool ipmitool)
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
