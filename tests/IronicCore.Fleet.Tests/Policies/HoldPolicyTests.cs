using IronicCore.Fleet.Policies;
using IronicCore.States;


namespace IronicCore.Fleet.Tests.Policies;

[TestFixture]
public sealed class HoldPolicyTests
{
    [Test]
    public void NodeInMaintenance_StaysFrozenInCleanWait_AndGoesToAHuman()
    {
        var fleet = PolicyFixture.BrokenNode(new HoldPolicy());

        fleet.Advance(TimeSpan.FromHours(3));

        Assert.Multiple(() =>
        {
            Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(fleet.Node(0).Maintenance, Is.True);
            Assert.That(fleet.Api.HasTicket(fleet.Node(0).Uuid), Is.True);
            Assert.That(fleet.Result().HumanTickets, Is.EqualTo(1));
        });
    }

    [Test]
    public void NodeServing_GetsNoTicket()
    {
        var fleet = FleetFixture.Start(FleetFixture.Quiet(2, utilization: 0.5), new HoldPolicy());

        fleet.Advance(TimeSpan.FromHours(3));

        Assert.That(fleet.Result().HumanTickets, Is.Zero);
    }
}
