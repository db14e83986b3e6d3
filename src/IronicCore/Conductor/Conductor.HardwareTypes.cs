using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Errors;

namespace IronicCore;

/// <summary>The registered hardware types, for the API's driver list.</summary>
public sealed partial class Conductor
{
    /// <summary>The registered hardware types by name, fake-hardware first then in registration order.</summary>
    internal IEnumerable<HardwareType> HardwareTypes => hardwareTypes.Values;

    /// <summary>Whether <paramref name="type"/> is fake-hardware, whose interfaces the conductor chooses per node.</summary>
    internal static bool IsFakeHardware(HardwareType type) => type == Drivers.Fake.FakeHardware.Type;
}
