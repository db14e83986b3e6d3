using IronicCore.Cli;
using IronicCore.Cli.Commands.Serve;
using IronicCore.Configuration.Files;
using IronicCore.Drivers;
using IronicCore.States;

namespace IronicCore.Api.Tests.Cli;

/// <summary>
/// <c>serve --config-file</c>: where it listens and whom it lets in from Ironic's own options, the
/// command line winning; a file or htpasswd file Ironic would not start with refused in one line, exit 2.
/// </summary>
public sealed class ServeConfigFileTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("ironic-sim-serve-config-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Serve(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = IronicSim.Run(["serve", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private ConfigFileValues Values(string text) =>
        IronicConfigFiles.Load([Write("ironic.conf", text)]).Resolve(IronicRelease.Master, ServeConductor.DriverSections, ServeHost.Options);

    [Test]
    public void HostOptions_ComeFromIronicsFile_WhenTheCommandLineGivesNone()
    {
        var files = Values("[DEFAULT]\nauth_strategy = http_basic\n[api]\nhost_ip = 0.0.0.0\nport = 7000\n");

        Assert.That(ServeHost.From(new ServeCommand.Settings(), files), Is.EqualTo(new ServeHost("0.0.0.0", 7000, "http_basic", "/etc/ironic/htpasswd")),
            "http_basic_auth_user_file defaults to Ironic's /etc/ironic/htpasswd");
        Assert.That(ServeHost.From(new ServeCommand.Settings { Host = "127.0.0.2", Port = 7001, Auth = "noauth", Htpasswd = "/tmp/x" }, files),
            Is.EqualTo(new ServeHost("127.0.0.2", 7001, "noauth", "/tmp/x")));
        Assert.That(ServeHost.From(new ServeCommand.Settings(), null), Is.EqualTo(new ServeHost("127.0.0.1", 6385, "noauth", null)));
    }

    [TestCase("[DEFAULT]\nauth_strategy = keystone\n", "{0}:2: [DEFAULT] auth_strategy: keystone is not simulated: serve has no Identity service; use noauth or http_basic")]
    [TestCase("[DEFAULT]\nauth_strategy = basic\n", "{0}:2: [DEFAULT] auth_strategy: Value for option auth_strategy is not valid: Valid values are [noauth, keystone, http_basic], but found 'basic'")]
    [TestCase("[api]\nport = 70000\n", "{0}:2: [api] port: Value for option port is not valid: Should be less than or equal to 65535")]
    [TestCase("[api]\nhost_ip = ironic.example.com\n", "{0}:2: [api] host_ip: serve listens on an IP address, not \"ironic.example.com\"")]
    [TestCase("[conductor]\nworkers_pool_size = 2\n", "{0}:2: [conductor] workers_pool_size: Value for option workers_pool_size is not valid: Should be greater than or equal to 3")]
    [TestCase("[DEFAULT]\nenabled_hardware_types = ipmi\nenabled_deploy_interfaces = autodetect,direct\n",
        "{0}:3: [DEFAULT] enabled_deploy_interfaces: DriverLoadError: Driver, hardware type or interface autodetect could not be loaded. Reason: Deploy interface 'ramdisk' is configured in autodetect_deploy_interfaces but is not in enabled_deploy_interfaces. Please add 'ramdisk' to enabled_deploy_interfaces or remove it from autodetect_deploy_interfaces..")]
    [TestCase("[DEFAULT]\nenabled_console_interfaces = ipmitool-socat\n",
        "{0}:2: [DEFAULT] enabled_console_interfaces: NotSimulated: Ironic would make ipmitool-socat the default console interface of ipmi nodes, which IronicCore does not simulate (its ipmi runs no-console); enable one of those, or set default_console_interface to one")]
    [TestCase("[DEFAULT]\nenabled_hardware_types = ipmi,foo\n", "{0}:2: [DEFAULT] enabled_hardware_types: DriverNotFoundInEntrypoint: Could not find the following items in the 'ironic.hardware.types' entrypoint: foo.")]
    [TestCase("[DEFAULT]\ndefault_firmware_interface = no-firmware\n", "{0}:2: [DEFAULT] default_firmware_interface: Option DEFAULT.default_firmware_interface is not simulated by IronicCore: a node created without a firmware interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
    public void AFileIronicWouldNotStartWith_IsOneLine_Exit2(string text, string message)
    {
        var conf = Write("ironic.conf", text);

        // The command line's --port would win over the file's (unread) port.
        var (code, stdout, stderr) = text.Contains("port", StringComparison.Ordinal) ? Serve("--config-file", conf) : Serve("--config-file", conf, "--port", "0");

        Assert.That(code, Is.EqualTo(IronicSim.BadInput));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Is.EqualTo($"ironic-sim: {string.Format(System.Globalization.CultureInfo.InvariantCulture, message, conf)}\n"));
    }

    [Test]
    public void DriverOptions_ListingEveryInterfaceServesTypesSupport_AreTaken()
    {
        // What Ironic must enable to run serve's fake-hardware and ipmi nodes, defaults left to the types.
        var files = Values("""
            [DEFAULT]
            enabled_hardware_types = fake-hardware,ipmi
            enabled_bios_interfaces = fake,no-bios
            enabled_boot_interfaces = fake,pxe
            enabled_console_interfaces = fake,no-console
            enabled_deploy_interfaces = direct,fake
            enabled_inspect_interfaces = fake,no-inspect
            enabled_management_interfaces = fake,noop,ipmitool
            enabled_network_interfaces = flat
            enabled_power_interfaces = fake,ipmitool
            enabled_raid_interfaces = fake,no-raid
            enabled_rescue_interfaces = fake,agent,no-rescue
            enabled_storage_interfaces = fake,noop
            enabled_vendor_interfaces = fake,no-vendor
            default_network_interface = flat
            """);
        var conductor = ServeConductor.Empty(files.Conductor, new IronicCore.Simulation.SimulationClock(), 0);

        Assert.DoesNotThrow(() => EnabledDriverOptions.Apply(files, conductor.EnableDrivers, TextWriter.Null));
        Assert.That(files.Notes, Is.Empty);
    }

    [Test]
    public void ConfigFile_WithResume_IsRefused() =>
        Assert.That(Serve("--config-file", Write("ironic.conf", string.Empty), "--resume", "x.bin").Code, Is.EqualTo(IronicSim.BadInput));

    [Test]
    public void HttpBasic_AMissingHtpasswdFile_IsIronicsConfigInvalid_OneLine_Exit2()
    {
        var missing = Path.Combine(directory, "htpasswd");

        var (code, stdout, stderr) = Serve("--auth", "http_basic", "--htpasswd", missing, "--port", "0");

        Assert.That(code, Is.EqualTo(IronicSim.BadInput));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Is.EqualTo($"ironic-sim: Invalid configuration file. Problem reading auth user file: {missing}\n"));
    }

    [Test]
    public void HttpBasic_ANonBcryptEntry_IsIronicsConfigInvalid_OneLine_Exit2()
    {
        var htpasswd = Write("htpasswd", "# users\nadmin:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\n");

        var (code, _, stderr) = Serve("--auth", "http_basic", "--htpasswd", htpasswd, "--port", "0");

        Assert.That(code, Is.EqualTo(IronicSim.BadInput));
        Assert.That(stderr, Is.EqualTo("ironic-sim: Invalid configuration file. Only bcrypt digested passwords are supported for admin\n"));
    }

    [Test]
    public void HttpBasic_FromTheFile_ReadsTheFilesUserFile()
    {
        var missing = Path.Combine(directory, "nowhere");
        var conf = Write("ironic.conf", $"[DEFAULT]\nauth_strategy = http_basic\nhttp_basic_auth_user_file = {missing}\n");

        var (code, _, stderr) = Serve("--config-file", conf, "--port", "0");

        Assert.That(code, Is.EqualTo(IronicSim.BadInput));
        Assert.That(stderr, Is.EqualTo($"ironic-sim: Invalid configuration file. Problem reading auth user file: {missing}\n"));
    }
}
