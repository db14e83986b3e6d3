using System.Text.Json.Nodes;
using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary>
/// <c>--config-file</c> on <c>scenario</c> and <c>fleet</c>: the files' options beneath the file's
/// own, which win option by option; a bad file refused in one line with exit 2.
/// </summary>
[TestFixture]
public sealed class ConfigFileCommandTests
{
    private const string Scenario = """
        {"format": "ironic-sim/scenario@1", "ironic_release": "21.4", "seed": 1, OPTIONS
         "nodes": [{"name": "n", "driver": "fake-hardware", "provision_state": "manageable", "power_state": "power off", "maintenance": true}],
         "steps": [{"op": "provision", "node": "n", "target": "provide", "comment": "provide in maintenance only with [conductor] allow_provisioning_in_maintenance"}]}
        """;

    private const string IpmiScenario = """
        {"format": "ironic-sim/scenario@1", "ironic_release": "21.4", "seed": 1,
         "nodes": [{"name": "p", "driver": "ipmi", "power_state": "power off"}, {"name": "i", "driver": "ipmi", "boot_interface": "ipxe", "power_state": "power off"}],
         "steps": [{"op": "provision", "node": "p", "target": "manage"}, {"op": "provision", "node": "i", "target": "manage"}]}
        """;

    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("ironic-sim-config-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string ScenarioFile(string options) => Write($"s{options.Length}.json", Scenario.Replace("OPTIONS", options, StringComparison.Ordinal));

    [Test]
    public void Scenario_TakesTheFilesOptions_AsIfTheScenarioSetThem()
    {
        var conf = Write("ironic.conf", "[conductor]\nallow_provisioning_in_maintenance = false\n");

        var fromFile = Run("scenario", ScenarioFile(string.Empty), "--config-file", conf);
        var fromScenario = Run("scenario", ScenarioFile("\"options\": {\"conductor.allow_provisioning_in_maintenance\": false},"));
        var without = Run("scenario", ScenarioFile(string.Empty));

        Assert.That(fromFile.Code, Is.Zero, fromFile.Stderr);
        Assert.That(fromFile.Stdout, Does.Contain("\"error\": \"NodeInMaintenance\""));
        Assert.That(fromFile.Stdout, Is.EqualTo(fromScenario.Stdout));
        Assert.That(without.Stdout, Is.Not.EqualTo(fromFile.Stdout));
    }

    [Test]
    public void Scenario_ItsOwnOptionsWin_OverTheFiles_AndLaterFilesWinOverEarlierOnes()
    {
        var off = Write("off.conf", "[conductor]\nallow_provisioning_in_maintenance = false\n");
        var on = Write("on.conf", "[conductor]\nallow_provisioning_in_maintenance = true\n");

        var scenarioWins = Run("scenario", ScenarioFile("\"options\": {\"conductor.allow_provisioning_in_maintenance\": true},"), "--config-file", off);
        var laterWins = Run("scenario", ScenarioFile(string.Empty), "--config-file", off, "--config-file", on);

        Assert.That(scenarioWins.Stdout, Does.Contain("\"provision_state\": \"available\""));
        Assert.That(laterWins.Stdout, Does.Contain("\"provision_state\": \"available\""));
    }

    [Test]
    public void Scenario_UnknownSectionsAndOptions_AreNotedOnStderr_AndChangeNothing()
    {
        var conf = Write("ironic.conf", "[DEFAULT]\ndebug = True\n[database]\nconnection = sqlite://\n");

        var (code, stdout, stderr) = Run("scenario", ScenarioFile(string.Empty), "--config-file", conf);

        Assert.That(code, Is.Zero);
        Assert.That(stdout, Is.EqualTo(Run("scenario", ScenarioFile(string.Empty)).Stdout));
        Assert.That(Lines(stderr), Is.EqualTo(new[]
        {
            $"ironic-sim: note: {conf}: [DEFAULT] debug: ignored, an option of Ironic 21.4 that IronicCore does not simulate",
            $"ironic-sim: note: {conf}: [database] connection: ignored, an option of Ironic 21.4 that IronicCore does not simulate",
        }));
    }

    [TestCase("[conductor]\nworkers_pool_size = 1\n", "{0}:2: [conductor] workers_pool_size: Value for option workers_pool_size is not valid: Should be greater than or equal to 3")]
    [TestCase("[conductor]\nnode_locked_retry_interval = 1\n", "{0}:2: [conductor] node_locked_retry_interval: Option conductor.node_locked_retry_interval is not simulated by IronicCore: ")]
    [TestCase("[conductor]\nautomated_clean\n", "Failed to parse {0}: at {0}:2, No ':' or '=' found in assignment: 'automated_clean'")]
    [TestCase("[DEFAULT]\nenabled_hardware_types = ipmi,redfish\nenabled_vendor_interfaces = redfish\n",
        "{0}:3: [DEFAULT] enabled_vendor_interfaces: NoValidDefaultForInterface: For hardware type 'ipmi', no default value found for vendor interface could be determined. Please ensure the interfaces are enabled.")]
    [TestCase("[DEFAULT]\nenabled_hardware_types = fake-hardware\nenabled_rescue_interfaces = no-rescue\n",
        "{0}: [DEFAULT] enabled_bios_interfaces (Ironic's default): NotSimulated: Ironic would make no-bios the default bios interface of fake-hardware nodes, which IronicCore does not simulate (its fake-hardware runs fake); enable one of those, or set default_bios_interface to one")]
    public void Scenario_ABadFile_IsOneLineOnStderr_Exit2(string text, string message)
    {
        var conf = Write("ironic.conf", text);

        var (code, stdout, stderr) = Run("scenario", ScenarioFile(string.Empty), "--config-file", conf);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(Lines(stderr), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.StartWith("ironic-sim: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, message, conf)));
    }

    [Test]
    public void Scenario_DriverOptionsNamingWhatItsConductorRuns_AreTaken_AsIronicTakesThem()
    {
        // Ironic with exactly these enabled and no other default_* set runs what the scenario's conductor
        // runs (an option left out takes Ironic's default: every interface type is listed, or fake-hardware
        // would get Ironic's no-bios, no-inspect ... defaults, which the simulated fake-hardware lacks).
        var conf = Write("ironic.conf", "[DEFAULT]\nenabled_hardware_types = ipmi, fake-hardware\nenabled_deploy_interfaces = direct,fake\n"
            + "enabled_management_interfaces = fake,noop,ipmitool\nenabled_network_interfaces = flat\ndefault_network_interface = flat\n"
            + "enabled_bios_interfaces = fake,no-bios\nenabled_boot_interfaces = fake,pxe\nenabled_console_interfaces = fake,no-console\n"
            + "enabled_inspect_interfaces = fake,no-inspect\nenabled_power_interfaces = fake,ipmitool\nenabled_raid_interfaces = fake,no-raid\n"
            + "enabled_rescue_interfaces = fake,agent,no-rescue\nenabled_storage_interfaces = fake,noop\nenabled_vendor_interfaces = fake,no-vendor\n");

        var fromFile = Run("scenario", ScenarioFile(string.Empty), "--config-file", conf);

        Assert.That(fromFile.Code, Is.Zero, fromFile.Stderr);
        Assert.That(fromFile.Stdout, Is.EqualTo(Run("scenario", ScenarioFile(string.Empty)).Stdout));
    }

    /// <summary>
    /// An operator's ironic.conf as oslo-config-generator writes Ironic 21.4's sample, with its driver
    /// options uncommented at their defaults (what Ironic runs when the file sets none of them).
    /// </summary>
    private string OperatorFileWithIronicsDriverDefaults()
    {
        var sample = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "ConfigFiles", "ironic-21.4-sample-defaults.conf"));
        var lines = sample.TakeWhile(line => line != "[agent]")
            .Select(line => (line.StartsWith("#enabled_", StringComparison.Ordinal) || line.StartsWith("#default_", StringComparison.Ordinal))
                && line.Contains("_interface", StringComparison.Ordinal) | line.Contains("hardware_types", StringComparison.Ordinal) && !line.EndsWith("<None>", StringComparison.Ordinal)
                ? line[1..] : line);
        return Write("ironic.conf", string.Join('\n', lines) + "\n");
    }

    [Test]
    public void Scenario_IronicsOwnDriverDefaults_AreTaken_IpmiGettingTheIpmitoolVendorInterface()
    {
        var conf = OperatorFileWithIronicsDriverDefaults();

        var (code, stdout, stderr) = Run("scenario", Write("ipmi.json", IpmiScenario), "--config-file", conf);

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Is.EqualTo(Run("scenario", Write("ipmi2.json", IpmiScenario)).Stdout));
        Assert.That(stderr, Does.Not.Contain("enabled_vendor_interfaces"), "ipmitool and redfish vendor interfaces are both simulated: nothing to note");
    }

    [Test]
    public void Scenario_IronicsOwnDriverDefaults_WithNoVendor_ServeIpmi_NotingWhatIsNotSimulated()
    {
        var conf = OperatorFileWithIronicsDriverDefaults();
        var vendor = Write("vendor.conf", "[DEFAULT]\ndefault_vendor_interface = no-vendor\n");

        var (code, stdout, stderr) = Run("scenario", Write("ipmi.json", IpmiScenario), "--config-file", conf, "--config-file", vendor);
        var fakeFile = ScenarioFile(string.Empty);
        var fake = Run("scenario", fakeFile, "--config-file", conf, "--config-file", vendor);

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Is.EqualTo(Run("scenario", Write("ipmi2.json", IpmiScenario)).Stdout), "the oracle's emulation: ipmi nodes boot pxe unless they ask");
        // The redfish bios and inspect interfaces are simulated (the redfish hardware type runs them): not noted.
        Assert.That(Lines(stderr).Where(line => line.Contains("[DEFAULT]", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            $"ironic-sim: note: {conf}:16: [DEFAULT] enabled_deploy_interfaces: ramdisk: taken, not simulated; no hardware type here runs it, and a node asking for it is refused",
            $"ironic-sim: note: {conf}:22: [DEFAULT] enabled_network_interfaces: noop: taken, not simulated; no hardware type here runs it, and a node asking for it is refused",
            $"ironic-sim: note: {conf}:26: [DEFAULT] enabled_raid_interfaces: agent, redfish: taken, not simulated; no hardware type here runs it, and a node asking for it is refused",
            $"ironic-sim: note: {conf}:30: [DEFAULT] enabled_storage_interfaces: cinder: taken, not simulated; no hardware type here runs it, and a node asking for it is refused",
        }));
        Assert.That(fake.Code, Is.EqualTo(2));
        var refusal = JsonNode.Parse(Lines(fake.Stderr).Last())!;
        Assert.That((refusal["error"]?.GetValue<string>(), refusal["message"]?.GetValue<string>()), Is.EqualTo(
            ("DriverNotFound", "nodes[0] (n): Could not find the following driver(s) or hardware type(s): fake-hardware.")),
            "as the oracle answers a node Ironic refuses to create (the line adds the file it names)");
    }

    [Test]
    public void Scenario_AMissingFile_IsOslosError_Exit2() =>
        Assert.That(Run("scenario", ScenarioFile(string.Empty), "--config-file", "/nonexistent/ironic.conf"),
            Is.EqualTo((2, string.Empty, "ironic-sim: Failed to find some config files: /nonexistent/ironic.conf\n")));

    [Test]
    public void Fleet_TakesTheFilesOptions_AsAFleetFilesOptions()
    {
        var conf = Write("ironic.conf", "[conductor]\nmax_concurrent_deploy = 2\nmax_concurrent_clean = 2\n");
        var fleetFile = Write("fleet.json", """{"nodes": 200, "days": 1, "options": {"conductor.max_concurrent_deploy": 2, "conductor.max_concurrent_clean": 2}}""");
        var bare = Write("bare.json", """{"nodes": 200, "days": 1}""");

        var fromFile = Run("fleet", "--scenario", bare, "--config-file", conf, "--policies", "hold");
        var fromFleetFile = Run("fleet", "--scenario", fleetFile, "--policies", "hold");

        // The last table times the run on the wall clock; the rest is the run's.
        static string Untimed(string stdout) => stdout[..stdout.LastIndexOf("| policy |", StringComparison.Ordinal)];
        Assert.That(fromFile.Code, Is.Zero, fromFile.Stderr);
        Assert.That(fromFile.Stdout, Does.Contain("max_concurrent_deploy 2, max_concurrent_clean 2"));
        Assert.That(Untimed(fromFile.Stdout), Is.EqualTo(Untimed(fromFleetFile.Stdout)));
    }

    [Test]
    public void Fleet_ABadFile_IsOneLineOnStderr_Exit2()
    {
        var conf = Write("ironic.conf", "[conductor]\nmax_concurrent_deploy = many\n");

        var (code, _, stderr) = Run("fleet", "--config-file", conf, "--nodes", "10", "--days", "1");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"ironic-sim fleet: {conf}:2: [conductor] max_concurrent_deploy: Value for option max_concurrent_deploy is not valid: invalid literal for int() with base 10: 'many'\n"));
    }
}
