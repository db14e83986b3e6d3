using IronicCore.Configuration;
using IronicCore.Drivers.Redfish;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>Ironic's <c>RedfishVirtualMediaBoot</c> as the BMC sees it: the agent's ISO in the virtual CD, booted once, ejected at the end.</summary>
[TestFixture]
public sealed class VirtualMediaBootTests
{
    [Test]
    public void PrepareRamdisk_InsertsTheNodesIso_AndBootsTheCdOnce()
    {
        var fixture = new RedfishFixture();
        var uuid = fixture.Enroll("n").Uuid;

        fixture.Conductor.SetProvisionState("n", ApiVerb.Provide);
        fixture.RunFor(TimeSpan.FromSeconds(1));

        var system = fixture.System("n");
        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(system.GetVirtualMedia(RedfishVirtualMediaDevice.Cd).Image, Is.EqualTo($"http://192.0.2.1:8080/redfish/boot-{uuid}.iso"));
            Assert.That(system.GetVirtualMedia(RedfishVirtualMediaDevice.Usb).Inserted, Is.False);
            Assert.That(system.PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(fixture.Conductor.GetMachine("n").BootDevice, Is.EqualTo(BootDevice.Cdrom), "the machine booted the CD");
            Assert.That(system.BootSourceOverrideEnabled, Is.EqualTo(RedfishBootSourceOverrideEnabled.Disabled), "a Once override ends at the boot it served");
        });
    }

    [Test]
    public void AtTheEndOfCleaning_TheCdIsEjected()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.Conductor.SetProvisionState("n", ApiVerb.Provide);
        fixture.RunFor(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 3; i++)
        {
            var name = "n";
            fixture.Conductor.Heartbeat(name, fixture.Conductor.GetMachine(name).AgentCallbackUrl, "9.4.0", fixture.Conductor.GetAgentToken(name) ?? fixture.Conductor.Lookup(name));
            fixture.RunFor(TimeSpan.FromSeconds(1));
        }

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(fixture.System("n").GetVirtualMedia(RedfishVirtualMediaDevice.Cd).Inserted, Is.False);
        });
    }

    [Test]
    public void UseSwift_IsRefusedWhenTheIsoWouldBePublished_AsSwiftIsNotSimulated()
    {
        var fixture = new RedfishFixture(options: new ConductorOptions
        {
            Deploy = new DeployOptions { HttpUrl = "http://192.0.2.1:8080" },
            DriverSections = [new RedfishOptions { UseSwift = true }],
        });
        fixture.Enroll("n");

        fixture.Conductor.SetProvisionState("n", ApiVerb.Provide);
        fixture.RunFor(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(fixture.Node("n").LastError, Does.Contain("redfish.use_swift"));
        });
    }

    [Test]
    public void UnreachableBmc_WithTimedBmcs_HoldsTheLockForEveryAttemptAndRetryInterval()
    {
        var fixture = new RedfishFixture(new RedfishBehaviour { RequestLatency = TimeSpan.Zero, ConnectTimeout = TimeSpan.FromSeconds(10) });
        fixture.Enroll("n");
        fixture.Conductor.GetMachine("n").Reachable = false;

        fixture.Conductor.SetPowerState("n", PowerState.PowerOn);
        fixture.RunFor(TimeSpan.FromSeconds(65));
        var locked = fixture.Node("n").Reservation;
        fixture.RunFor(TimeSpan.FromSeconds(2));

        Assert.Multiple(() =>
        {
            Assert.That(locked, Is.Not.Null, "5 attempts of 10 s and 4 waits of 4 s: 66 s");
            Assert.That(fixture.Node("n").Reservation, Is.Null);
            Assert.That(fixture.Node("n").LastError, Does.Contain("Redfish connection failed for node"));
        });
    }
}
