namespace IronicCore.Drivers;

/// <summary>
/// A hardware type's out-of-band inspect interface (Ironic's <c>InspectInterface</c>, the node's
/// <c>inspect_interface</c>): reads the machine's hardware from its BMC while the conductor's
/// inspection worker runs. A hardware type without one has Ironic's <c>no-inspect</c>, which refuses
/// inspection. Calls run on the simulation's thread, under the node's lock.
/// </summary>
public interface IInspectInterface
{
    /// <summary>The interface's name, e.g. <c>redfish</c>.</summary>
    string Name { get; }

    /// <summary>Checks the node's <c>driver_info</c> without contacting the BMC.</summary>
    /// <exception cref="Errors.IronicException"><c>InvalidParameterValue</c> or <c>MissingParameterValue</c>.</exception>
    void Validate(DriverTask task);

    /// <summary>
    /// Ironic's <c>inspect_hardware</c> of an interface that finishes at once: what the BMC reports.
    /// The conductor writes the properties and creates the ports; the node becomes
    /// <c>manageable</c>.
    /// </summary>
    /// <exception cref="Errors.IronicException">The BMC did not answer or reported too little: inspection fails with this message.</exception>
    InspectedHardware InspectHardware(DriverTask task);
}
