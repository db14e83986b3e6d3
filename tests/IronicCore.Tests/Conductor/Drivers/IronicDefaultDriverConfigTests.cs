using IronicCore.Configuration;
using IronicCore.Configuration.Files;
using IronicCore.Drivers;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Tests.Conductor.Drivers;

/// <summary>
/// Ironic's own driver configuration (<c>conf/default.py</c> of each release written out in an
/// ironic.conf) is taken as Ironic's conductor takes it, and gives the ipmi hardware type the
/// defaults <c>driver_factory.default_interface</c> computes: the first implementation ipmi supports
/// that is enabled (ipxe boot, ipmitool vendor, and in master the autodetect deploy interface).
/// </summary>
[TestFixture]
public sealed class IronicDefaultDriverConfigTests
{
    private const string Common = """
        [DEFAULT]
        enabled_hardware_types = ipmi,redfish
        enabled_bios_interfaces = no-bios,redfish
        enabled_boot_interfaces = ipxe,pxe,redfish-virtual-media
        enabled_console_interfaces = no-console
        enabled_inspect_interfaces = no-inspect,redfish
        enabled_network_interfaces = flat,noop
        enabled_raid_interfaces = agent,no-raid,redfish
        enabled_rescue_interfaces = no-rescue
        enabled_storage_interfaces = cinder,noop
        enabled_vendor_interfaces = ipmitool,redfish,no-vendor
        default_storage_interface = noop

        """;

    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("ironic-sim-defaults-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    /// <summary>Each release's <c>[DEFAULT]</c> driver options at their <c>conf/default.py</c> values (management and power have none: Ironic computes them).</summary>
    public static string DefaultsOf(IronicRelease release) => release switch
    {
        IronicRelease.Release21_4 => Common + "enabled_deploy_interfaces = direct,ramdisk\n",
        IronicRelease.Release2025_1 => Common + "enabled_deploy_interfaces = direct,ramdisk\nenabled_firmware_interfaces = no-firmware\n",
        _ => Common + "enabled_deploy_interfaces = autodetect,direct,ramdisk,bootc\nautodetect_deploy_interfaces = ramdisk,bootc,direct\n"
            + "enabled_firmware_interfaces = no-firmware\n",
    };

    /// <summary>What <c>driver_factory.default_interface</c> gives ipmi nodes under Ironic's defaults, per interface type.</summary>
    public static Dictionary<string, string> IronicsIpmiDefaults(IronicRelease release) => new()
    {
        ["bios"] = "no-bios", ["boot"] = "ipxe", ["console"] = "no-console", ["deploy"] = release == IronicRelease.Master ? "autodetect" : "direct",
        ["inspect"] = "no-inspect", ["management"] = "ipmitool", ["network"] = "flat", ["power"] = "ipmitool", ["raid"] = "no-raid",
        ["rescue"] = "no-rescue", ["storage"] = "noop", ["vendor"] = "ipmitool",
    };

    private static IronicCore.Conductor Conductor(IronicRelease release)
    {
        var conductor = new IronicCore.Conductor(ConductorOptions.ForRelease(release), seed: 1);
        conductor.AddIpmiHardwareType(conductor.AddPxeNetwork().Boot, behaviour: BmcBehaviour.Instant);
        return conductor;
    }

    private ConfigFileValues Values(IronicRelease release, string text)
    {
        var path = Path.Combine(directory, "ironic.conf");
        File.WriteAllText(path, text);
        return IronicConfigFiles.Load([path]).Resolve(release, [new IpmiOptions(), new PxeOptions()], EnabledDriverOptions.Names);
    }

    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Master)]
    public void IronicsDefaultsWrittenOut_AreTaken_WithTheDefaultsDriverFactoryComputes(IronicRelease release)
    {
        var conductor = Conductor(release);
        var enablement = EnabledDriverOptions.Read(Values(release, DefaultsOf(release)));

        Assert.That(enablement, Is.Not.Null);
        Assert.DoesNotThrow(() => conductor.EnableDrivers(enablement!));
        Assert.That(
            conductor.GetHardwareTypeInterfaces("ipmi").ToDictionary(i => i.Key, i => i.Value[0]),
            Is.EquivalentTo(IronicsIpmiDefaults(release)));
    }

    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Master)]
    public void IronicsDefaultsWrittenOut_AndThoseLeftOut_AreTheSameConfiguration(IronicRelease release)
    {
        var written = Conductor(release);
        var leftOut = Conductor(release);

        written.EnableDrivers(EnabledDriverOptions.Read(Values(release, DefaultsOf(release)))!);
        leftOut.EnableDrivers(EnabledDriverOptions.Read(Values(release, "[DEFAULT]\nenabled_hardware_types = ipmi,redfish\n"))!);

        Assert.That(leftOut.GetHardwareTypeInterfaces("ipmi"), Is.EqualTo(written.GetHardwareTypeInterfaces("ipmi")));
    }

    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Master)]
    public void AFileWithNoDriverOptions_LeavesTheConductorsOwnDriverSet(IronicRelease release)
    {
        var conductor = Conductor(release);

        Assert.That(EnabledDriverOptions.Read(Values(release, "[conductor]\nautomated_clean = true\n")), Is.Null);
        Assert.That(conductor.GetHardwareTypeInterfaces("ipmi").Single(i => i.Key == "vendor").Value, Is.EqualTo(new[] { "ipmitool", "no-vendor" }),
            "ipmi's vendor interface is ipmitool, as Ironic's");
    }

    [Test]
    public void Master_AutodetectListingAnInterfaceNotEnabled_StopsTheConductor_AsItsConstructorDoes()
    {
        var text = DefaultsOf(IronicRelease.Master).Replace("enabled_deploy_interfaces = autodetect,direct,ramdisk,bootc", "enabled_deploy_interfaces = autodetect,direct", StringComparison.Ordinal);
        var conductor = Conductor(IronicRelease.Master);

        var error = Assert.Throws<DriverConfigurationException>(() => conductor.EnableDrivers(EnabledDriverOptions.Read(Values(IronicRelease.Master, text))!))!;

        Assert.That(error.IronicClass, Is.EqualTo("DriverLoadError"));
        Assert.That(error.Option, Is.EqualTo("DEFAULT.autodetect_deploy_interfaces"));
        Assert.That(error.Message, Is.EqualTo(
            "Driver, hardware type or interface autodetect could not be loaded. Reason: Deploy interface 'ramdisk' is configured in autodetect_deploy_interfaces " +
            "but is not in enabled_deploy_interfaces. Please add 'ramdisk' to enabled_deploy_interfaces or remove it from autodetect_deploy_interfaces.."));
    }

    [Test]
    public void Master_AutodetectListingOnlyDirect_LoadsBesideDirectAlone()
    {
        var text = DefaultsOf(IronicRelease.Master)
            .Replace("enabled_deploy_interfaces = autodetect,direct,ramdisk,bootc", "enabled_deploy_interfaces = autodetect,direct", StringComparison.Ordinal)
            .Replace("autodetect_deploy_interfaces = ramdisk,bootc,direct", "autodetect_deploy_interfaces = direct", StringComparison.Ordinal);
        var conductor = Conductor(IronicRelease.Master);

        conductor.EnableDrivers(EnabledDriverOptions.Read(Values(IronicRelease.Master, text))!);

        Assert.That(conductor.GetHardwareTypeInterfaces("ipmi").Single(i => i.Key == "deploy").Value, Is.EqualTo(new[] { "autodetect", "direct" }));
    }
}
