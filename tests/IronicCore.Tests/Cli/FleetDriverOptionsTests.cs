using System.Collections.Immutable;
using IronicCore.Cli.Commands.Serve;
using IronicCore.Drivers;
using IronicCore.Fleet;
using IronicCore.Simulation;
using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary>
/// <c>fleet --config-file</c> and <c>serve --fleet --config-file</c> with Ironic's <c>[DEFAULT]</c>
/// driver options: taken as Ironic's conductor takes them at start-up, applied before the fleet's
/// nodes are enrolled; a configuration under which Ironic would not create the fleet's nodes is
/// refused in one line with Ironic's error (the fleet's conductor runs fake-hardware only), one that
/// changes a default changes the nodes' interfaces.
/// </summary>
[TestFixture]
public sealed class FleetDriverOptionsTests
{
    // What the fleet's fake-hardware nodes need enabled, each interface type listed (an option left
    // out takes Ironic's default, which fake-hardware's order would turn into no-bios, no-inspect ...).
    private const string FakeHardwareConf = """
        [DEFAULT]
        enabled_hardware_types = fake-hardware
        enabled_bios_interfaces = fake
        enabled_boot_interfaces = fake
        enabled_console_interfaces = fake
        enabled_deploy_interfaces = direct,fake
        enabled_inspect_interfaces = fake
        enabled_management_interfaces = fake,noop
        enabled_network_interfaces = flat
        default_network_interface = flat
        enabled_power_interfaces = fake
        enabled_raid_interfaces = fake
        enabled_rescue_interfaces = fake,agent,no-rescue
        enabled_storage_interfaces = fake,noop
        enabled_vendor_interfaces = fake

        """;

    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("ironic-sim-fleet-drivers-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    // The last table times the run on the wall clock; the rest is the run's.
    private static string Untimed(string stdout) => stdout[..stdout.LastIndexOf("| policy |", StringComparison.Ordinal)];

    [Test]
    public void IronicsDefaultHardwareTypes_LeaveOutTheFleetsFakeHardware_AndAreNotSimulatedHere()
    {
        var conf = Write("ironic.conf", "[DEFAULT]\nenabled_hardware_types = ipmi,redfish\n");

        var (code, stdout, stderr) = Run("fleet", "--nodes", "20", "--days", "1", "--policies", "hold", "--config-file", conf);

        Assert.That((code, stdout), Is.EqualTo((2, string.Empty)));
        Assert.That(Lines(stderr).Last(), Is.EqualTo(
            $"ironic-sim fleet: {conf}:2: [DEFAULT] enabled_hardware_types: NotSimulated: ipmi, redfish: IronicCore simulates none of these hardware types (it runs fake-hardware)"),
            "the fleet's conductor runs fake-hardware only");
    }

    [Test]
    public void ADeployInterfaceTheFleetNeeds_NotEnabled_IsInterfaceNotFoundInEntrypoint()
    {
        var conf = Write("ironic.conf", FakeHardwareConf.Replace("enabled_deploy_interfaces = direct,fake", "enabled_deploy_interfaces = fake", StringComparison.Ordinal));

        var (code, _, stderr) = Run("fleet", "--nodes", "20", "--days", "1", "--policies", "hold", "--config-file", conf);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(Lines(stderr).Last(), Does.EndWith(
            "InterfaceNotFoundInEntrypoint: Could not find the following interface in the 'ironic.hardware.interfaces.deploy' entrypoint: direct. Valid interfaces are ['fake']."));
    }

    [Test]
    public void AFileIronicWouldNotStartWith_IsOneLine_NamingTheOption()
    {
        var conf = Write("ironic.conf", "[DEFAULT]\nenabled_hardware_types = fake-hardware,foo\n");

        var (code, _, stderr) = Run("fleet", "--nodes", "20", "--days", "1", "--policies", "hold", "--config-file", conf);

        Assert.That((code, Lines(stderr).Last()), Is.EqualTo((2,
            $"ironic-sim fleet: {conf}:2: [DEFAULT] enabled_hardware_types: DriverNotFoundInEntrypoint: Could not find the following items in the 'ironic.hardware.types' entrypoint: foo.")));
    }

    [Test]
    public void OptionsEnablingWhatTheFleetRuns_AreTaken_AndTheRunIsTheSame()
    {
        var conf = Write("ironic.conf", FakeHardwareConf);

        var configured = Run("fleet", "--nodes", "50", "--days", "1", "--policies", "hold", "--config-file", conf);
        var bare = Run("fleet", "--nodes", "50", "--days", "1", "--policies", "hold");

        Assert.That(configured.Code, Is.Zero, configured.Stderr);
        Assert.That(Untimed(configured.Stdout), Is.EqualTo(Untimed(bare.Stdout)));
    }

    [Test]
    public void ADefaultTheConfigurationChanges_ChangesTheFleetsNodes()
    {
        var drivers = new DriverEnablement
        {
            HardwareTypes = ["fake-hardware"],
            EnabledInterfaces = ImmutableDictionary<string, ImmutableArray<string>>.Empty
                .Add("bios", ["fake"]).Add("boot", ["fake"]).Add("console", ["fake"]).Add("deploy", ["direct", "fake"]).Add("inspect", ["fake"])
                .Add("management", ["fake", "noop"]).Add("network", ["flat"]).Add("power", ["fake"]).Add("raid", ["fake"])
                .Add("rescue", ["fake", "agent", "no-rescue"]).Add("storage", ["fake", "noop"]).Add("vendor", ["fake"]),
            DefaultInterfaces = ImmutableDictionary<string, string>.Empty.Add("network", "flat").Add("rescue", "agent"),
        };

        var (conductor, _) = ServeConductor.Fleet(new FleetScenario { Nodes = 3, Drivers = drivers }, new SimulationClock());

        Assert.That(conductor.Nodes.Select(n => n.RescueInterface), Is.All.EqualTo("agent"), "default_rescue_interface");
        Assert.That(conductor.Nodes.Select(n => n.DeployInterface), Is.All.EqualTo("direct"), "the fleet names its deploy interface");
    }
}
