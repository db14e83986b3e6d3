using IronicCore.Drivers.Ipmi;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Ipmi;

/// <summary>The ipmitool management interface's boot device, as deployments and rescues set it.</summary>
[TestFixture]
public sealed class BootDeviceTests
{
    [Test]
    public void BootDevice_IsSetPersistentlyToDisk_WithTheBootTimeoutDisabledFirst()
    {
        var fixture = new DriverFixture();
        fixture.Enroll("n");

        var management = fixture.Ipmi.Type.Management;
        management.SetBootDevice(fixture.Conductor.GetDriverTask("n"), BootDevice.Disk, persistent: true);

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Bmc("n").BootDevice, Is.EqualTo(BootDevice.Disk));
            Assert.That(fixture.Bmc("n").BootDevicePersistent, Is.True);
            Assert.That(fixture.Bmc("n").Commands.Select(c => c.Command),
                Is.EqualTo(new[] { "raw 0x00 0x08 0x03 0x08", "chassis bootdev disk options=persistent" }));
        });
    }

    [Test]
    public void Unrescue_ReturnsTheMachineToItsDisk_AsAgentRescuePreparesTheInstanceBoot()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant);
        fixture.Conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", Driver = "ipmi", RescueInterface = "agent", ProvisionState = ProvisionState.Active, PowerState = PowerState.PowerOn,
            DriverInfo = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("ipmi_address", "10.9.0.1"),
        });

        fixture.Conductor.SetProvisionState("n", ApiVerb.Rescue, new ProvisionRequest { RescuePassword = "s3cret" });
        fixture.Conductor.Clock.RunDue();
        var rescuing = fixture.Conductor.GetMachine("n").BootDevice;
        fixture.Conductor.SetProvisionState("n", ApiVerb.Abort);
        fixture.Conductor.Clock.RunDue();
        fixture.Conductor.SetProvisionState("n", ApiVerb.Unrescue);
        fixture.Conductor.Clock.RunDue();

        Assert.Multiple(() =>
        {
            Assert.That(rescuing, Is.EqualTo(BootDevice.Pxe));
            Assert.That(fixture.Node("n").LastError, Is.Null);
            Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(fixture.Conductor.GetMachine("n").BootDevice, Is.EqualTo(BootDevice.Disk));
            Assert.That(fixture.Network.LeasesInUse, Is.Zero);
        });
    }
}
