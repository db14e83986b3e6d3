using System.Collections.Immutable;
using IronicCore.Simulation;
using IronicCore.Steps;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// Ironic's <c>fake-hardware</c> type with every interface <c>fake</c>: power over a
/// <see cref="SimulatedMachine"/>, instant deploy, inspection and rescue, and the fake BIOS
/// interface's clean steps (all priority 0, so automated cleaning has nothing to run).
/// </summary>
internal static class FakeHardware
{
    public const string Name = "fake-hardware";

    private static readonly ImmutableArray<StepDefinition> BiosCleanSteps =
    [
        new("bios", "apply_configuration", 0, ArgsInfo: ImmutableDictionary<string, bool>.Empty.Add("settings", true)),
        new("bios", "factory_reset", 0),
        new("bios", "cache_bios_settings", 0),
    ];

    private static readonly ImmutableArray<StepDefinition> FakeDeploySteps = [new("deploy", "deploy", 100)];

    /// <summary>
    /// The <c>direct</c> deploy interface's steps: boot the agent, have it write the image,
    /// then make the machine boot the instance (which the fake management interface cannot:
    /// it has no "disk" boot device, so a fake-hardware direct deploy fails there, as in Ironic 21.4).
    /// </summary>
    private static readonly ImmutableArray<StepDefinition> DirectDeploySteps =
    [
        new("deploy", "deploy", 100),
        new("deploy", "write_image", 80),
        new("deploy", "prepare_instance_boot", 60),
        new("deploy", "tear_down_agent", 40),
        new("deploy", "switch_to_tenant_network", 30),
        new("deploy", "boot_instance", 20),
    ];

    /// <summary>
    /// The type with the given deploy interface (<c>fake</c>: instant; <c>direct</c>: through the
    /// ramdisk agent), rescue interface (<c>fake</c>, <c>agent</c>, <c>no-rescue</c>) and
    /// management interface (<c>fake</c>, or <c>noop</c>, which can boot from disk).
    /// </summary>
    public static HardwareType Create(FakePower power, string deployInterface, string rescueInterface, string managementInterface = "fake") =>
        new(Name, power, managementInterface, "fake", deployInterface, "fake", rescueInterface, BiosCleanSteps,
            deployInterface == "direct" ? DirectDeploySteps : FakeDeploySteps,
            managementInterface == "noop" ? FakeSteps.RunWithNoopManagement : FakeSteps.Run);
}
