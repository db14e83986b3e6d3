using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>What a simulation built around the conductor reads: Ironic's node list with its filters, and nodes by slot.</summary>
[TestFixture]
public sealed class NodeSlotTests
{
    [Test]
    public void ListNodes_FiltersByMaintenanceAndProvisionState_InCreationOrder()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("c", ProvisionState.Available, maintenance: true);
        conductor.Enroll("a", ProvisionState.Available);
        conductor.Enroll("b", ProvisionState.Manageable, maintenance: true);
        conductor.Enroll("d", ProvisionState.Available);
        var ironic = conductor;

        Assert.Multiple(() =>
        {
            Assert.That(conductor, Is.InstanceOf<IIronicClient>());
            Assert.That(ironic.ListNodes().Select(n => n.Name), Is.EqualTo(new[] { "c", "a", "b", "d" }));
            Assert.That(ironic.ListNodes(maintenance: true).Select(n => n.Name), Is.EqualTo(new[] { "c", "b" }));
            Assert.That(ironic.ListNodes(maintenance: false).Select(n => n.Name), Is.EqualTo(new[] { "a", "d" }));
            Assert.That(ironic.ListNodes(maintenance: true, provisionState: ProvisionState.Available).Select(n => n.Name), Is.EqualTo(new[] { "c" }));
            Assert.That(ironic.ListNodes(provisionState: ProvisionState.Available).Select(n => n.Name), Is.EqualTo(new[] { "c", "a", "d" }));
        });
    }

    [Test]
    public void SlotReads_FollowTheNodes_AndADeletedNodeLeavesItsSlotEmpty()
    {
        var conductor = ConductorFixture.Create();
        var first = conductor.Enroll("first");
        conductor.Enroll("second", ProvisionState.Manageable, maintenance: true);
        conductor.DeleteNode("first");

        Assert.Multiple(() =>
        {
            Assert.That(conductor.NodeSlots, Is.EqualTo(2));
            Assert.That(conductor.UuidAt(0), Is.Null, first.Uuid);
            Assert.That(conductor.UuidAt(1), Is.EqualTo(conductor.GetNode("second").Uuid));
            Assert.That(conductor.StateAt(1), Is.EqualTo(ProvisionState.Manageable));
            Assert.That((conductor.InMaintenanceAt(0), conductor.InMaintenanceAt(1)), Is.EqualTo((false, true)));
            Assert.That(conductor.IsReservedAt(1), Is.False);
            Assert.That(conductor.MaintenanceCount, Is.EqualTo(1));
            Assert.That(conductor.MaintenanceSlotAt(0), Is.EqualTo(1));
            Assert.That(conductor.CountInState(ProvisionState.Manageable), Is.EqualTo(1));
            Assert.That(conductor.CountInState(ProvisionState.Available), Is.Zero);
        });
    }

    [Test]
    public void PrefetchHint_ForAnySlot_EvenDeletedOrOutOfRange_ChangesNoNode()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("first");
        conductor.Enroll("second", ProvisionState.Manageable);
        conductor.DeleteNode("first");
        static object Seen(NodeView n) => (n.Uuid, n.ProvisionState, n.PowerState, n.Reservation, n.LastError, n.UpdatedAt);
        var before = conductor.ListNodes().Select(Seen).ToList();
        var pending = conductor.Clock.PendingCount;
        var hinted = (IronicCore.Simulation.IPrefetchingEventHandler)conductor;

        foreach (var slot in new[] { 0, 1, 2, -1, int.MaxValue })
        {
            hinted.Prefetch(new IronicCore.Simulation.ScheduledEvent(conductor, Kind: 0, Subject: slot, Token: 0));
        }

        Assert.Multiple(() =>
        {
            Assert.That(conductor.ListNodes().Select(Seen), Is.EqualTo(before));
            Assert.That(conductor.Clock.PendingCount, Is.EqualTo(pending));
        });
    }
}
