namespace IronicCore.Drivers.Redfish;

/// <summary>
/// The registered <c>redfish</c> hardware type and its simulated Redfish BMCs: look a node's system
/// up to inject faults or read what its BMC was told. It is one of the conductor's
/// <see cref="Conductor.DriverStates"/>, so the conductor's snapshots keep the BMCs (a loaded
/// conductor's: <c>conductor.DriverStates.OfType&lt;RedfishHardware&gt;()</c>). Not thread-safe: use it
/// from the simulation's thread.
/// </summary>
public sealed partial class RedfishHardware : DriverState
{
    private readonly Conductor conductor;
    private readonly RedfishClient client;

    internal RedfishHardware(Conductor conductor, HardwareType type, RedfishClient client)
        : base(RedfishDriverPackage.Instance)
    {
        this.conductor = conductor;
        Type = type;
        this.client = client;
    }

    /// <summary>The hardware type as registered with the conductor.</summary>
    public HardwareType Type { get; }

    /// <summary>How the BMCs take their time.</summary>
    public RedfishBehaviour Behaviour => client.Behaviour;

    /// <summary>The BMCs made so far, by address (<c>scheme://host:port</c>).</summary>
    public IReadOnlyDictionary<string, RedfishBmc> Bmcs => client.Bmcs;

    /// <summary>
    /// The system of the node with this UUID or name at the BMC its <c>redfish_address</c> names (made
    /// on first use, so faults can be set before the first request).
    /// </summary>
    /// <exception cref="Errors.NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="Errors.IronicException">The node's driver_info has no valid redfish_address.</exception>
    /// <exception cref="ArgumentException">Another node is the same system of the same BMC.</exception>
    public RedfishSystem GetSystem(string node)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        return client.SystemOf(conductor.GetDriverTask(node));
    }
}
