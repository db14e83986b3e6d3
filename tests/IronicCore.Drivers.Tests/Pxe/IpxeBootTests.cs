using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Pxe;

/// <summary>
/// The <c>ipxe</c> boot interface beside <c>pxe</c> on one network (Ironic's <c>ipxe.iPXEBoot</c>, a
/// <c>pxe_base.PXEBaseMixin</c> with <c>ipxe_enabled</c>): what differs for a client is the boot file
/// DHCP names and the check that the conductor has an HTTP server for the iPXE script.
/// </summary>
[TestFixture]
public sealed class IpxeBootTests
{
    private const string NoHttpUrl = "iPXE boot is enabled but no HTTP URL or HTTP root was specified";

    private static readonly ConductorOptions WithHttpUrl = new() { Deploy = new DeployOptions { HttpUrl = "http://10.1.0.1:8080" } };

    private static NodeView Enroll(DriverFixture fixture, string name, string boot, ProvisionState state = ProvisionState.Manageable) =>
        fixture.Conductor.CreateNode(new NodeCreateRequest
        {
            Name = name,
            Driver = "ipmi",
            BootInterface = boot,
            ProvisionState = state,
            PowerState = PowerState.PowerOff,
            DriverInfo = ImmutableSortedDictionary<string, string>.Empty.Add("ipmi_address", $"10.9.0.{fixture.Conductor.Nodes.Length + 1}"),
        });

    [Test]
    public void Validate_WithoutHttpUrl_IsMissingParameterValue_ForIpxeOnly()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant);
        Enroll(fixture, "i", "ipxe");
        Enroll(fixture, "p", "pxe");

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Conductor.ValidateInterface("i", "boot"), Is.EqualTo(NoHttpUrl));
            Assert.That(fixture.Conductor.ValidateInterface("p", "boot"), Is.Null);
        });
    }

    [Test]
    public void Validate_WithHttpUrl_Passes()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant, options: WithHttpUrl);
        Enroll(fixture, "i", "ipxe");

        Assert.That(fixture.Conductor.ValidateInterface("i", "boot"), Is.Null);
    }

    [Test]
    public void Deploy_WithoutHttpUrl_IsRefusedAsInstanceDeployFailure400_AndNothingMoves()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant);
        var node = Enroll(fixture, "i", "ipxe", ProvisionState.Available);

        var error = Assert.Throws<InstanceDeployFailureException>(() => fixture.Conductor.SetProvisionState("i", ApiVerb.Active))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(400));
            Assert.That(error.Message, Is.EqualTo($"Failed to validate deploy or power info for node {node.Uuid}: {NoHttpUrl}"));
            Assert.That(fixture.Node("i").ProvisionState, Is.EqualTo(ProvisionState.Available));
        });
    }

    [Test]
    public void Cleaning_WithoutHttpUrl_StillBootsTheRamdisk_AsIronicsPrepareRamdiskDoesNotValidate()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant);
        Enroll(fixture, "i", "ipxe");

        fixture.Conductor.SetProvisionState("i", ApiVerb.Provide);
        fixture.Conductor.Clock.RunDue();

        Assert.That(fixture.Node("i").ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
    }

    [TestCase("ipxe", "snponly.efi")]
    [TestCase("pxe", "bootx64.efi")]
    public void BootConfig_NamesTheNodesOwnBootInterfacesFile_OnASharedNetwork(string boot, string bootFile)
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant, options: WithHttpUrl);
        Enroll(fixture, "other", boot == "ipxe" ? "pxe" : "ipxe");
        Enroll(fixture, "n", boot);

        fixture.Conductor.SetProvisionState("other", ApiVerb.Provide);
        fixture.Conductor.SetProvisionState("n", ApiVerb.Provide);
        fixture.Conductor.Clock.RunDue();

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Network.GetBootConfig("n")!.BootFile, Is.EqualTo(bootFile));
            Assert.That(fixture.Network.LeasesInUse, Is.EqualTo(2), "one DHCP pool serves both interfaces");
        });
    }

    [Test]
    public void TheIpmiType_OffersIpxeBeforePxe_InIronicsOrder()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant);

        Assert.That(fixture.Ipmi.Type.Boot.Family.Select(b => b.Name), Is.EqualTo(new[] { "ipxe", "pxe" }));
        Assert.That(fixture.Conductor.GetHardwareTypeInterfaces("ipmi").Single(i => i.Key == "boot").Value, Is.EqualTo(new[] { "pxe", "ipxe" }),
            "without a driver configuration the network's own (pxe) stays the default");
    }

    [Test]
    public void APatch_ToIpxe_IsTaken_AndToABootTheTypeLacks_IsRefused()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant);
        Enroll(fixture, "n", "pxe");

        fixture.Conductor.UpdateNode("n", NodeUpdate.From(fixture.Node("n")) with { BootInterface = "ipxe" });

        Assert.That(fixture.Node("n").BootInterface, Is.EqualTo("ipxe"));
        Assert.That(() => fixture.Conductor.UpdateNode("n", NodeUpdate.From(fixture.Node("n")) with { BootInterface = "fake" }),
            Throws.TypeOf<InvalidParameterValueException>().With.Message.EqualTo("boot interface implementation 'fake' is not supported by hardware type ipmi."));
    }
}
