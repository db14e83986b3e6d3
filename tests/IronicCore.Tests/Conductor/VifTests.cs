using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Tests.Conductor;

/// <summary>VIFs through the flat network interface: Ironic's <c>vif_list</c>, <c>vif_attach</c> and <c>vif_detach</c>.</summary>
[TestFixture]
public sealed class VifTests
{
    [Test]
    public void VifAttach_TakesAPortgroupWithPortsFirst_ThenAPxePort_AndRecordsTenantVifPortId()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var plain = conductor.Port("n1", "52:54:00:00:00:01", pxe: false);
        var pxe = conductor.Port("n1", "52:54:00:00:00:02");
        var bond = conductor.Portgroup("n1");
        conductor.Port("n1", "52:54:00:00:00:03", bond.Uuid);

        var first = conductor.AttachVif("n1", "vif-1");
        var second = conductor.AttachVif("n1", "vif-2");
        var third = conductor.AttachVif("n1", "vif-3");

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new VifAttachment("vif-1", null, bond.Uuid)));
            Assert.That(second, Is.EqualTo(new VifAttachment("vif-2", pxe.Uuid, null)));
            Assert.That(third, Is.EqualTo(new VifAttachment("vif-3", plain.Uuid, null)));
            Assert.That(conductor.GetPort(pxe.Uuid).InternalInfo.GetProperty("tenant_vif_port_id").GetString(), Is.EqualTo("vif-2"));
            Assert.That(conductor.ListVifs("n1").Select(v => v.Id), Is.EqualTo(new[] { "vif-3", "vif-2", "vif-1" }), "ports' first, then portgroups'");
        });
    }

    [Test]
    public void VifAttach_AVifAttachedAlready_IsVifAlreadyAttached409_AndNoFreePortIsNoFreePhysicalPorts400()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1");
        var port = conductor.Port("n1", "52:54:00:00:00:01");
        conductor.AttachVif("n1", "vif-1");

        var twice = Assert.Throws<VifAlreadyAttachedException>(() => conductor.AttachVif("n1", "vif-1"));
        var full = Assert.Throws<NoFreePhysicalPortsException>(() => conductor.AttachVif("n1", "vif-2"));

        Assert.Multiple(() =>
        {
            Assert.That((twice.HttpStatus, twice.Message), Is.EqualTo((409, $"Unable to attach VIF because VIF vif-1 is already attached to Ironic Port {port.Uuid}")));
            Assert.That((full.HttpStatus, full.Message), Is.EqualTo((400, "Unable to attach VIF vif-2, not enough free physical ports.")));
            Assert.That(conductor.ListVifs(node.Uuid).Select(v => v.Id), Is.EqualTo(new[] { "vif-1" }));
        });
    }

    [Test]
    public void VifDetach_ClearsTheVif_AndOneNotAttachedIsVifNotAttached400()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1");
        var port = conductor.Port("n1", "52:54:00:00:00:01");
        conductor.AttachVif("n1", "vif-1");
        conductor.Clock.Advance(TimeSpan.FromMinutes(1));

        conductor.DetachVif("n1", "vif-1");
        var error = Assert.Throws<VifNotAttachedException>(() => conductor.DetachVif("n1", "vif-1"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo($"Unable to detach VIF vif-1 from node {node.Uuid} because it is not attached to it."));
            Assert.That(conductor.GetPort(port.Uuid).InternalInfo.GetRawText(), Is.EqualTo("{}"));
            Assert.That(conductor.GetPort(port.Uuid).UpdatedAt, Is.EqualTo(conductor.Clock.GetUtcNow()));
        });
    }

    [Test]
    public void AttachAndDetach_OnANodeAnotherTaskHolds_AreNodeLocked409_ListingIsNot()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        conductor.Port("n1", "52:54:00:00:00:01");
        conductor.AttachVif("n1", "vif-1");
        conductor.ReserveElsewhere("n1");

        Assert.Throws<NodeLockedException>(() => conductor.AttachVif("n1", "vif-2"));
        Assert.Throws<NodeLockedException>(() => conductor.DetachVif("n1", "vif-1"));
        Assert.That(conductor.ListVifs("n1").Select(v => v.Id), Is.EqualTo(new[] { "vif-1" }));
    }
}
