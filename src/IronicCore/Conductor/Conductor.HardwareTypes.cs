using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Errors;

namespace IronicCore;

/// <summary>The registered hardware types, for the API's driver list.</summary>
public sealed partial class Conductor
{
    /// <summary>
    /// The hardware types nodes may use (Ironic's <c>enabled_hardware_types</c>): <c>fake-hardware</c>
    /// first, then those given to <see cref="RegisterHardwareType"/>, in that order.
    /// </summary>
    public IEnumerable<HardwareType> HardwareTypes => hardwareTypes.Values;
}
