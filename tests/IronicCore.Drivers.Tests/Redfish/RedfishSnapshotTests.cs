using IronicCore.Drivers.Pxe;
using IronicCore.Nodes;
using IronicCore.Drivers.Redfish;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>A conductor's snapshot keeps the redfish type's BMCs: each system's media, boot override, BIOS, firmware and faults.</summary>
[TestFixture]
public sealed class RedfishSnapshotTests
{
    [Test]
    public void SaveAndLoad_KeepsEverySystem_AndTheRunGoesOnAlike()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("a");
        fixture.Enroll("b", ProvisionState.Active, PowerState.PowerOn);
        fixture.Conductor.SetProvisionState("a", ApiVerb.Provide);
        fixture.RunFor(TimeSpan.FromSeconds(1));
        var b = fixture.System("b");
        b.ResetFails = true;
        b.CredentialsRejected = true;
        b.Health = NodeHealth.Warning;

        using var stream = new MemoryStream();
        fixture.Conductor.Save(stream);
        stream.Position = 0;
        var loaded = IronicCore.Conductor.Load(stream, drivers: [PxeDriverPackage.Instance, RedfishDriverPackage.Instance]);
        var redfish = loaded.DriverStates.OfType<RedfishHardware>().Single();
        var (a2, b2) = (redfish.GetSystem("a"), redfish.GetSystem("b"));
        var a = fixture.System("a");

        Assert.Multiple(() =>
        {
            Assert.That(a2.GetVirtualMedia(RedfishVirtualMediaDevice.Cd).Image, Is.EqualTo(a.GetVirtualMedia(RedfishVirtualMediaDevice.Cd).Image).And.Not.Null);
            Assert.That((a2.BootSourceOverrideTarget, a2.BootSourceOverrideEnabled), Is.EqualTo((a.BootSourceOverrideTarget, a.BootSourceOverrideEnabled)));
            Assert.That((b2.ResetFails, b2.CredentialsRejected, b2.InsertMediaFails, b2.Health), Is.EqualTo((true, true, false, (NodeHealth?)NodeHealth.Warning)));
            Assert.That(b2.Bios.Attributes, Is.EqualTo(b.Bios.Attributes));
            Assert.That(b2.Bmc.Address, Is.EqualTo(b.Bmc.Address));
            Assert.That(redfish.Bmcs.Keys, Is.EqualTo(fixture.Redfish.Bmcs.Keys));
        });

        loaded.SetPowerState("b", PowerState.PowerOff);
        fixture.Conductor.SetPowerState("b", PowerState.PowerOff);
        loaded.Clock.Advance(TimeSpan.FromSeconds(1));
        fixture.RunFor(TimeSpan.FromSeconds(1));
        Assert.That(loaded.GetNode("b").LastError, Is.EqualTo(fixture.Node("b").LastError).And.Contains("401"));
    }
}
