using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// Ironic's <c>fake-hardware</c> type with every interface <c>fake</c>: power over a
/// <see cref="Simulation.SimulatedMachine"/>, instant deploy, inspection and rescue, and the fake BIOS
/// interface's clean steps (all priority 0, so automated cleaning has nothing to run).
/// </summary>
internal static class FakeHardware
{
    public const string Name = "fake-hardware";

    public static readonly HardwareType Type = new(Name, FakePower.Instance, FakeManagement.Instance, FakeBoot.Instance);

    private static readonly ImmutableArray<StepDefinition> BiosCleanSteps =
    [
        new("bios", "apply_configuration", 0, ArgsInfo: ImmutableDictionary<string, bool>.Empty.Add("settings", true)),
        new("bios", "factory_reset", 0),
        new("bios", "cache_bios_settings", 0),
    ];

    private static readonly ImmutableArray<StepDefinition> FakeDeploySteps = [new("deploy", "deploy", 100)];

    /// <summary>
    /// The type with the given deploy interface (<c>fake</c>: instant; <c>direct</c>: through the
    /// ramdisk agent), rescue interface (<c>fake</c>, <c>agent</c>, <c>no-rescue</c>) and
    /// management interface (<c>fake</c>, which has no "disk" boot device, so a direct deploy
    /// cannot finish; <c>noop</c>, with which it can).
    /// </summary>
    public static NodeDriver Create(string deployInterface, string rescueInterface, string managementInterface) =>
        new(Type, deployInterface, "fake", rescueInterface, BiosCleanSteps,
            deployInterface == "direct" ? NodeDriver.DirectDeploySteps : FakeDeploySteps,
            managementInterface == NoopManagement.Instance.Name ? NoopManagement.Instance : FakeManagement.Instance);
}
