using System.Text.Json;
using IronicCore.Drivers.Redfish;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>The redfish vendor interface's <c>eject_vmedia</c> (every release, 21.4 included): every inserted device is ejected.</summary>
[TestFixture]
public sealed class RedfishVendorTests
{
    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Master)]
    public void EjectVmedia_EjectsEveryInsertedDevice(IronicRelease release)
    {
        var fixture = RedfishFixture.ForRelease(release);
        fixture.Enroll("n");
        var system = fixture.System("n");
        system.GetVirtualMedia(RedfishVirtualMediaDevice.Cd).Insert("http://192.0.2.1:8080/redfish/boot.iso", writeProtected: true);
        system.GetVirtualMedia(RedfishVirtualMediaDevice.Usb).Insert("http://192.0.2.1:8080/redfish/cfg.img", writeProtected: true);

        fixture.Conductor.VendorPassthru("n", "eject_vmedia", "POST", JsonElement.Parse("{}"));
        fixture.RunFor(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Conductor.GetVendorPassthruMethods("n").Select(m => m.Name), Is.EqualTo(new[] { "eject_vmedia" }));
            Assert.That(system.VirtualMedia.Select(slot => slot.Inserted), Is.All.False);
        });
    }
}
