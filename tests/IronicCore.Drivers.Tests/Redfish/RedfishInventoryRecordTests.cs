using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>
/// Redfish out-of-band inspection keeps the node's inventory record as Ironic's
/// <c>store_inspection_data</c> does (2025.1 and master; 21.4 stores none), and a conductor's snapshot keeps it.
/// </summary>
[TestFixture]
public sealed class RedfishInventoryRecordTests
{
    [TestCase(IronicRelease.Master, true)]
    [TestCase(IronicRelease.Release2025_1, true)]
    [TestCase(IronicRelease.Release21_4, false)]
    public void Inspection_StoresTheRecord_From2025_1(IronicRelease release, bool stored)
    {
        var fixture = Inspected(release);

        var record = fixture.Conductor.GetNodeInventory("n");

        Assert.That(record is not null, Is.EqualTo(stored));
        if (record is not null)
        {
            Assert.That(record.Inventory.GetProperty("cpu").GetProperty("architecture").GetString(), Is.EqualTo("x86_64"));
            Assert.That(record.PluginData is not null, Is.EqualTo(release == IronicRelease.Master), "master's redfish inspection keeps an empty plugin_data, 2025.1's none");
        }
    }

    [Test]
    public void Snapshot_KeepsTheInventoryRecord()
    {
        var fixture = Inspected(IronicRelease.Master);
        using var stream = new MemoryStream();
        fixture.Conductor.Save(stream);
        stream.Position = 0;

        var loaded = IronicCore.Conductor.Load(stream, drivers: [PxeDriverPackage.Instance, RedfishDriverPackage.Instance]);

        var before = fixture.Conductor.GetNodeInventory("n")!;
        var after = loaded.GetNodeInventory("n")!;
        Assert.Multiple(() =>
        {
            Assert.That(after.Inventory.GetRawText(), Is.EqualTo(before.Inventory.GetRawText()));
            Assert.That(after.PluginData?.GetRawText(), Is.EqualTo(before.PluginData?.GetRawText()));
        });
    }

    private static RedfishFixture Inspected(IronicRelease release)
    {
        var fixture = RedfishFixture.ForRelease(release);
        fixture.Enroll("n");
        fixture.Conductor.SetProvisionState("n", ApiVerb.Inspect);
        fixture.RunFor(TimeSpan.FromSeconds(10));
        Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
        return fixture;
    }
}
