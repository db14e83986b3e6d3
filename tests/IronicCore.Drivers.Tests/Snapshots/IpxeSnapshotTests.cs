using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Snapshots;

/// <summary>
/// A node on a boot interface other than its type's own (ipxe beside the network's pxe) is saved
/// with it (a driver's fifth field) and, loaded, boots through it with the network's shared leases.
/// </summary>
[TestFixture]
public sealed class IpxeSnapshotTests
{
    [Test]
    public void ANodeOnIpxe_IsLoadedOnIpxe_MidCleaning_WithItsLeaseAndBootFile()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant, options: new ConductorOptions { Deploy = new DeployOptions { HttpUrl = "http://10.1.0.1:8080" } });
        foreach (var (name, boot) in new[] { ("i", "ipxe"), ("p", "pxe") })
        {
            fixture.Conductor.CreateNode(new NodeCreateRequest
            {
                Name = name,
                Driver = "ipmi",
                BootInterface = boot,
                ProvisionState = ProvisionState.Manageable,
                PowerState = PowerState.PowerOff,
                DriverInfo = ImmutableSortedDictionary<string, string>.Empty.Add("ipmi_address", $"10.9.0.{fixture.Conductor.Nodes.Length + 1}"),
            });
            fixture.Conductor.SetProvisionState(name, ApiVerb.Provide);
        }

        fixture.Conductor.Clock.RunDue();

        var loaded = MidDeploy.Load(MidDeploy.Save(fixture.Conductor));
        var network = loaded.DriverStates.OfType<IronicCore.Drivers.Pxe.PxeNetwork>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.GetNode("i").BootInterface, Is.EqualTo("ipxe"));
            Assert.That(loaded.GetNode("p").BootInterface, Is.EqualTo("pxe"));
            Assert.That(network.GetBootConfig("i")!.BootFile, Is.EqualTo("snponly.efi"));
            Assert.That(network.GetBootConfig("p")!.BootFile, Is.EqualTo("bootx64.efi"));
            Assert.That(network.LeasesInUse, Is.EqualTo(2));
            Assert.That(MidDeploy.Save(loaded), Is.EqualTo(MidDeploy.Save(fixture.Conductor)), "the whole state");
        });
    }
}
