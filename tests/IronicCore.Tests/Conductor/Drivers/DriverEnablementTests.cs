using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor.Drivers;

/// <summary>
/// <see cref="Conductor.EnableDrivers"/>: Ironic's driver configuration as its conductor applies it at
/// start-up (<c>base_manager.init_host</c>, <c>driver_factory</c>), each rule with Ironic's words.
/// </summary>
[TestFixture]
public sealed class DriverEnablementTests
{
    // Ironic's defaults with one interface chosen by the operator (no-vendor for ipmi), as a file says it.
    private static readonly DriverEnablement IronicDefaultsWithNoVendor = new()
    {
        DefaultInterfaces = ImmutableDictionary<string, string>.Empty.Add("vendor", "no-vendor"),
    };

    private static IronicCore.Conductor Conductor(IronicRelease release = IronicRelease.Release21_4)
    {
        var conductor = new IronicCore.Conductor(ConductorOptions.ForRelease(release), seed: 1);
        conductor.AddIpmiHardwareType(conductor.AddPxeNetwork().Boot, behaviour: BmcBehaviour.Instant);
        return conductor;
    }

    private static DriverEnablement Enabled(string interfaceType, params string[] names) =>
        new() { EnabledInterfaces = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add(interfaceType, [.. names]) };

    private static DriverConfigurationException Refused(DriverEnablement enablement, IronicRelease release = IronicRelease.Release21_4) =>
        Assert.Throws<DriverConfigurationException>(() => Conductor(release).EnableDrivers(enablement))!;

    [Test]
    public void IronicsDefaults_ServeIpmiOnly_WithIpxeBoot_TheFirstOfIpmisBootInterfacesEnabled()
    {
        var conductor = Conductor();

        var notes = conductor.EnableDrivers(IronicDefaultsWithNoVendor);
        var node = conductor.CreateNode(new NodeCreateRequest { Name = "n", Driver = "ipmi" });

        Assert.Multiple(() =>
        {
            Assert.That(conductor.HardwareTypes.Select(t => t.Name), Is.EqualTo(new[] { "ipmi" }), "enabled_hardware_types defaults to ipmi, redfish");
            Assert.That(node.BootInterface, Is.EqualTo("ipxe"), "GenericHardware supports ipxe before pxe; Ironic enables ipxe, pxe, redfish-virtual-media");
            Assert.That(node.DeployInterface, Is.EqualTo("direct"));
            Assert.That(node.RescueInterface, Is.EqualTo("no-rescue"));
            Assert.That(conductor.GetHardwareTypeInterfaces("ipmi").Single(i => i.Key == "boot").Value, Is.EqualTo(new[] { "ipxe", "pxe" }));
            Assert.That(notes.Select(n => n.Key), Does.Contain("DEFAULT.enabled_hardware_types"), "redfish is taken with a note");
            Assert.That(notes.Single(n => n.Key == "DEFAULT.enabled_boot_interfaces").Value, Does.StartWith("redfish-virtual-media: taken, not simulated"));
        });
    }

    [Test]
    public void DefaultInterface_Configured_IsEveryNodesDefault()
    {
        var conductor = Conductor();
        conductor.EnableDrivers(IronicDefaultsWithNoVendor with { DefaultInterfaces = IronicDefaultsWithNoVendor.DefaultInterfaces.Add("boot", "pxe") });

        Assert.That(conductor.CreateNode(new NodeCreateRequest { Name = "n", Driver = "ipmi" }).BootInterface, Is.EqualTo("pxe"));
    }

    [Test]
    public void WithoutAConfiguration_EveryTypeKeepsItsOwnDefaults_AndIpmiMayAskForIpxe()
    {
        var conductor = Conductor();

        Assert.Multiple(() =>
        {
            Assert.That(conductor.CreateNode(new NodeCreateRequest { Name = "p", Driver = "ipmi" }).BootInterface, Is.EqualTo("pxe"));
            Assert.That(conductor.CreateNode(new NodeCreateRequest { Name = "i", Driver = "ipmi", BootInterface = "ipxe" }).BootInterface, Is.EqualTo("ipxe"));
            Assert.That(conductor.CreateNode(new NodeCreateRequest { Name = "f" }).BootInterface, Is.EqualTo("fake"));
            Assert.That(conductor.GetEnabledImplementations("boot"), Is.Null);
        });
    }

    [Test]
    public void ADisabledHardwareType_IsNotServed_CreatingItsNodeIsDriverNotFound()
    {
        var conductor = Conductor();
        conductor.EnableDrivers(IronicDefaultsWithNoVendor);

        var error = Assert.Throws<DriverNotFoundException>(() => conductor.CreateNode(new NodeCreateRequest { Name = "f", Driver = "fake-hardware" }))!;

        Assert.That(error.Message, Is.EqualTo("Could not find the following driver(s) or hardware type(s): fake-hardware."));
    }

    [Test]
    public void AnInterfaceNotEnabled_IsInterfaceNotFoundInEntrypoint_ListingTheEnabledNamesSorted()
    {
        var conductor = Conductor();
        conductor.EnableDrivers(IronicDefaultsWithNoVendor with { EnabledInterfaces = Enabled("boot", "pxe", "redfish-virtual-media").EnabledInterfaces });

        var error = Assert.Throws<DriverConfigurationException>(() => conductor.CreateNode(new NodeCreateRequest { Name = "n", Driver = "ipmi", BootInterface = "ipxe" }))!;

        Assert.That((error.IronicClass, error.HttpStatus), Is.EqualTo(("InterfaceNotFoundInEntrypoint", 400)));
        Assert.That(error.Message, Is.EqualTo(
            "Could not find the following interface in the 'ironic.hardware.interfaces.boot' entrypoint: ipxe. Valid interfaces are ['pxe', 'redfish-virtual-media']."));
    }

    [Test]
    public void ANameIronicCannotLoad_IsDriverNotFoundInEntrypoint()
    {
        var error = Refused(new DriverEnablement { HardwareTypes = ["ipmi", "ipmi2", "ipmi3"] });

        Assert.That((error.IronicClass, error.Option), Is.EqualTo(("DriverNotFoundInEntrypoint", "DEFAULT.enabled_hardware_types")));
        Assert.That(error.Message, Is.EqualTo("Could not find the following items in the 'ironic.hardware.types' entrypoint: ipmi2, ipmi3."));
        Assert.That(Refused(Enabled("boot", "ipxe", "http")).Message,
            Is.EqualTo("Could not find the following items in the 'ironic.hardware.interfaces.boot' entrypoint: http."), "http boot exists from 2023.2 on");
        Assert.That(() => Conductor(IronicRelease.Release2025_1).EnableDrivers(IronicDefaultsWithNoVendor with { EnabledInterfaces = Enabled("boot", "ipxe", "http").EnabledInterfaces }),
            Throws.Nothing);
    }

    [Test]
    public void NoHardwareTypes_IsNoDriversLoaded()
    {
        var error = Refused(new DriverEnablement { HardwareTypes = [string.Empty] });

        Assert.That(error.IronicClass, Is.EqualTo("NoDriversLoaded"));
        Assert.That(error.Message, Does.EndWith("cannot be started because no hardware types were loaded."));
    }

    [Test]
    public void ADefaultNotEnabled_IsInterfaceNotFoundInEntrypoint()
    {
        var error = Refused(IronicDefaultsWithNoVendor with { DefaultInterfaces = IronicDefaultsWithNoVendor.DefaultInterfaces.Add("rescue", "agent") });

        Assert.That((error.IronicClass, error.Option), Is.EqualTo(("InterfaceNotFoundInEntrypoint", "DEFAULT.default_rescue_interface")));
        Assert.That(error.Message, Is.EqualTo("Could not find the following interface in the 'ironic.hardware.interfaces.rescue' entrypoint: agent. Valid interfaces are ['no-rescue']."));
    }

    [Test]
    public void ADefaultATypeDoesNotSupport_IsNoValidDefaultForInterface()
    {
        var enablement = IronicDefaultsWithNoVendor with
        {
            EnabledInterfaces = Enabled("boot", "ipxe", "pxe", "redfish-virtual-media").EnabledInterfaces,
            DefaultInterfaces = IronicDefaultsWithNoVendor.DefaultInterfaces.Add("boot", "redfish-virtual-media"),
        };

        var error = Refused(enablement);

        Assert.That((error.IronicClass, error.Option), Is.EqualTo(("NoValidDefaultForInterface", "DEFAULT.default_boot_interface")));
        Assert.That(error.Message, Is.EqualTo("For hardware type 'ipmi', no default value found for boot interface could be determined. Please ensure the interfaces are enabled."));
    }

    [Test]
    public void ATypeWithNoEnabledImplementation_IsNoValidDefaultForInterface()
    {
        var error = Refused(IronicDefaultsWithNoVendor with { EnabledInterfaces = Enabled("boot", "redfish-virtual-media").EnabledInterfaces });

        Assert.That((error.IronicClass, error.Option), Is.EqualTo(("NoValidDefaultForInterface", "DEFAULT.enabled_boot_interfaces")));
    }

    [Test]
    public void AnEmptyList_EnablesEachEnabledTypesFirstChoice()
    {
        var conductor = Conductor();
        conductor.EnableDrivers(IronicDefaultsWithNoVendor with { EnabledInterfaces = Enabled("boot").EnabledInterfaces });

        Assert.That(conductor.GetEnabledImplementations("boot"), Is.EqualTo(new[] { "ipxe" }), "InterfaceFactory._set_enabled_drivers' fallback");
    }

    [TestCase(IronicRelease.Release21_4, "console", "ipmitool-socat")]
    [TestCase(IronicRelease.Release2025_1, "console", "ipmitool-socat")]
    [TestCase(IronicRelease.Master, "console", "ipmitool-socat")]
    public void ADefaultIronicWouldGiveThatIsNotSimulated_IsRefused_NamingTheOption(IronicRelease release, string interfaceType, string name)
    {
        var error = Refused(Enabled(interfaceType, name, "no-console"), release);

        Assert.That((error.IronicClass, error.Option), Is.EqualTo(("NotSimulated", $"DEFAULT.enabled_{interfaceType}_interfaces")));
        Assert.That(error.Message, Does.StartWith($"Ironic would make {name} the default {interfaceType} interface of ipmi nodes, which IronicCore does not simulate"));
    }

    [Test]
    public void OnlyUnsimulatedHardwareTypes_AreRefused()
    {
        var error = Refused(new DriverEnablement { HardwareTypes = ["redfish", "idrac"] });

        Assert.That(error.Message, Is.EqualTo("redfish, idrac: IronicCore simulates none of these hardware types (it runs fake-hardware, ipmi)"));
    }

    [Test]
    public void FakeHardware_TakesIronicsOrderToo_SoItNeedsItsFakeInterfacesEnabled()
    {
        var error = Refused(new DriverEnablement { HardwareTypes = ["fake-hardware"] });

        Assert.That(error.Message, Does.StartWith("Ironic would make no-bios the default bios interface of fake-hardware nodes"));
    }

    [Test]
    public void NodesCreatedBefore_KeepTheirInterfaces()
    {
        var conductor = Conductor();
        conductor.CreateNode(new NodeCreateRequest { Name = "before", Driver = "ipmi" });

        conductor.EnableDrivers(IronicDefaultsWithNoVendor);

        Assert.That(conductor.GetNode("before").BootInterface, Is.EqualTo("pxe"));
        Assert.That(conductor.CreateNode(new NodeCreateRequest { Name = "after", Driver = "ipmi" }).BootInterface, Is.EqualTo("ipxe"));
    }
}
