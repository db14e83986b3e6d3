using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

public sealed class UpdateNodeTests
{
    [Test]
    public void Rename_FreesTheOldNameAndTakesTheNew()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1");

        conductor.UpdateNode("n1", NodeUpdate.From(node) with { Name = "n2" });

        Assert.That(conductor.GetNode("n2").Uuid, Is.EqualTo(node.Uuid));
        Assert.Throws<NodeNotFoundException>(() => conductor.GetNode("n1"));
    }

    [Test]
    public void RenameToATakenName_IsDuplicateName409_AndChangesNothing()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1");
        conductor.Enroll("n2");

        var error = Assert.Throws<DuplicateNameException>(() =>
            conductor.UpdateNode("n1", NodeUpdate.From(node) with { Name = "n2", DriverInfo = node.DriverInfo.Add("k", "v") }));

        Assert.That(error.HttpStatus, Is.EqualTo(409));
        Assert.That(conductor.GetNode("n1").DriverInfo, Is.Empty);
    }

    [Test]
    public void ProtectingOutsideActiveOrRescue_IsInvalidState409_WithIronicsMessage()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1", ProvisionState.Manageable);

        var error = Assert.Throws<InvalidStateException>(() => conductor.UpdateNode("n1", NodeUpdate.From(node) with { Protected = true }));

        Assert.That(error.Message, Is.EqualTo(
            $"Node {node.Uuid} can only be made protected in provision states 'active' or 'rescue', the current state is 'manageable'"));
        Assert.That(conductor.GetNode("n1").Protected, Is.False);
    }

    [Test]
    public void ReasonWithoutItsFlag_IsInvalidParameterValue()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1", ProvisionState.Manageable);

        Assert.Throws<InvalidParameterValueException>(() => conductor.UpdateNode("n1", NodeUpdate.From(node) with { ProtectedReason = "x" }));
        Assert.Throws<InvalidParameterValueException>(() => conductor.UpdateNode("n1", NodeUpdate.From(node) with { RetiredReason = "x" }));
    }

    [Test]
    public void RetiringAnAvailableNode_IsInvalidState409()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1", ProvisionState.Available);

        var error = Assert.Throws<InvalidStateException>(() => conductor.UpdateNode("n1", NodeUpdate.From(node) with { Retired = true }));

        Assert.That(error.Message, Is.EqualTo(
            $"Node {node.Uuid} can not have 'retired' set in provision state 'available', the current state is 'available'"));
    }

    [Test]
    public void MaintenanceOff_ClearsReasonAndFault()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n1", Maintenance = true, MaintenanceReason = "power sync", Fault = NodeFault.PowerFailure,
        });

        var updated = conductor.UpdateNode("n1", NodeUpdate.From(node) with { Maintenance = false });

        Assert.That(updated.Maintenance, Is.False);
        Assert.That(updated.MaintenanceReason, Is.Null);
        Assert.That(updated.Fault, Is.Null);
    }

    [Test]
    public void NewInstanceForAnAssociatedNode_IsNodeAssociated409()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1");
        node = conductor.UpdateNode("n1", NodeUpdate.From(node) with { InstanceUuid = "11111111-1111-1111-1111-111111111111" });

        Assert.Throws<NodeAssociatedException>(() =>
            conductor.UpdateNode("n1", NodeUpdate.From(node) with { InstanceUuid = "22222222-2222-2222-2222-222222222222" }));
    }

    [Test]
    public void ConductorGroup_IsStoredLowerCase()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1");

        Assert.That(conductor.UpdateNode("n1", NodeUpdate.From(node) with { ConductorGroup = "Rack-A" }).ConductorGroup, Is.EqualTo("rack-a"));
    }
}
