using IronicCore.Fleet.Policies;
using IronicCore.States;


namespace IronicCore.Fleet.Tests.Policies;

[TestFixture]
public sealed class FailFastPolicyTests
{
    [Test]
    public void CleaningInMaintenance_FailsAtOnce()
    {
        var fleet = PolicyFixture.BrokenNode(new FailFastPolicy());

        fleet.Advance(TimeSpan.FromSeconds(1));

        Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
    }

    [Test]
    public void NodeWithNothingWrong_IsManagedProvidedAndBackInThePool_WithoutAHuman()
    {
        var fleet = PolicyFixture.BrokenNode(new FailFastPolicy());

        fleet.Advance(TimeSpan.FromHours(2));

        Assert.Multiple(() =>
        {
            Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(fleet.Node(0).Maintenance, Is.False);
            Assert.That(fleet.Result().HumanTickets, Is.Zero);
        });
    }

    [Test]
    public void NodeWhoseSecondCleaningFails_GoesToAHuman()
    {
        var fleet = PolicyFixture.BrokenNode(new FailFastPolicy(), HardwareFaultKind.Memory);

        fleet.Advance(TimeSpan.FromHours(2));

        Assert.Multiple(() =>
        {
            Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(fleet.Node(0).Fault, Is.EqualTo(Nodes.NodeFault.CleanFailure));
            Assert.That(fleet.Api.HasTicket(fleet.Node(0).Uuid), Is.True);
        });
    }

    [Test]
    public void NodeThatFailedOutOfMaintenance_IsRecovered()
    {
        var scenario = FleetFixture.Quiet(1, utilization: 1) with { Conductors = 2, WorkerDuration = TimeSpan.FromMinutes(5) };
        var fleet = FleetFixture.Start(scenario, new FailFastPolicy());
        var uuid = fleet.Node(0).Uuid;
        fleet.Api.SetProvisionState(uuid, ApiVerb.Deleted);
        fleet.Die(((FleetGateway)fleet.Api).HostOf(uuid).Index);

        fleet.Advance(TimeSpan.FromHours(2));

        Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.Available));
    }
}
