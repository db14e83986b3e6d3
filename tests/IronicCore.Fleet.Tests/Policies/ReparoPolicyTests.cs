using IronicCore.Fleet.Policies;
using IronicCore.States;


namespace IronicCore.Fleet.Tests.Policies;

[TestFixture]
public sealed class ReparoPolicyTests
{
    [Test]
    public void NodeInMaintenance_WithNothingWrong_IsCleanedAndBackInThePool_WithoutAHuman()
    {
        var fleet = PolicyFixture.BrokenNode(new ReparoPolicy());

        fleet.Advance(TimeSpan.FromHours(3));

        Assert.Multiple(() =>
        {
            Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(fleet.Node(0).Maintenance, Is.False);
            Assert.That(fleet.Result().HumanTickets, Is.Zero);
        });
    }

    [Test]
    public void NodeInMaintenance_WhoseManualCleanFails_GoesToAHuman()
    {
        var fleet = PolicyFixture.BrokenNode(new ReparoPolicy(), HardwareFaultKind.Disk);

        fleet.Advance(TimeSpan.FromHours(3));

        Assert.Multiple(() =>
        {
            Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(fleet.Api.HasTicket(fleet.Node(0).Uuid), Is.True);
        });
    }

    [Test]
    public void NodeBackInMaintenanceWithinAWeek_GoesToAHuman()
    {
        var fleet = PolicyFixture.BrokenNode(new ReparoPolicy());
        fleet.Advance(TimeSpan.FromHours(3));

        fleet.Api.SetMaintenance(fleet.Node(0).Uuid, "user_reason: broken again");
        fleet.Advance(TimeSpan.FromMinutes(15));

        Assert.That(fleet.Api.HasTicket(fleet.Node(0).Uuid), Is.True);
    }

    [Test]
    public void ConductorsAcceptManualCleaningInMaintenance()
    {
        Assert.That(new ReparoPolicy().MaintenancePolicy, Is.InstanceOf<Maintenance.AllowManualCleaningInMaintenancePolicy>());
    }
}
