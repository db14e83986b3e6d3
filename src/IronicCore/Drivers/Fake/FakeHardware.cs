using System.Collections.Immutable;
using System.Text.Json;
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

    public static readonly HardwareType Type = new(Name, FakePower.Instance, FakeManagement.Instance, FakeBoot.Instance)
    {
        Console = FakeConsole.Instance,
    };

    /// <summary>The fake BIOS interface's clean steps.</summary>
    public static readonly ImmutableArray<StepDefinition> CleanSteps =
    [
        new("bios", "apply_configuration", 0, ArgsInfo: JsonElement.Parse(
            """{"settings": {"description": "List of BIOS settings, each item needs to contain a dictionary with name/value pairs", "required": true}}""")),
        new("bios", "factory_reset", 0),
        new("bios", "cache_bios_settings", 0),
    ];

    /// <summary>
    /// The clean steps of releases whose fake vendor interface has <c>log_passthrough</c> (2025.1 and
    /// master): a clean step of priority 1, so it runs in every automated cleaning (it only logs).
    /// </summary>
    public static readonly ImmutableArray<StepDefinition> CleanStepsWithVendor = [.. CleanSteps, new("vendor", "log_passthrough", 1)];

    /// <summary>
    /// The fake vendor interface's service steps (Ironic master's): <c>log_passthrough</c>, which
    /// only logs and needs no ramdisk, and <c>trigger_servicewait</c>, which leaves the node in
    /// <c>service wait</c> with nothing to continue it (see <see cref="FakeSteps.EndsInWait"/>).
    /// </summary>
    public static readonly ImmutableArray<StepDefinition> ServiceSteps =
        [new("vendor", "log_passthrough", 0, RequiresRamdisk: false), new("vendor", "trigger_servicewait", 0)];

    /// <summary>The Python class of each fake-hardware interface a step may name, which Ironic's errors name (the schema allows no others).</summary>
    public static string InterfaceClass(string interfaceType) => interfaceType switch
    {
        "deploy" => "FakeDeploy",
        "vendor" => "FakeVendorB",
        "bios" => "FakeBIOS",
        "power" => "FakePower",
        "management" => "FakeManagement",
        "boot" => "FakeBoot",
        "inspect" => "FakeInspect",
        "rescue" => "FakeRescue",
        "raid" => "FakeRAID",
        "console" => "FakeConsole",
        "firmware" => "NoFirmware",
        _ => "NoopNetwork",
    };
}
