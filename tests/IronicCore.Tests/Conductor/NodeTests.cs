using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>Enrolling, looking up, updating and deleting nodes.</summary>
[TestFixture]
public sealed class NodeTests
{
    [Test]
    public void NewNode_IsInEnroll_WithNoPowerStateKnown()
    {
        var conductor = ConductorFixture.Create();

        var node = conductor.CreateNode(new NodeCreateRequest { Name = "n" });

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Enroll));
            Assert.That(node.TargetProvisionState, Is.Null);
            Assert.That(node.PowerState, Is.Null);
            Assert.That(node.Driver, Is.EqualTo("fake-hardware"));
            Assert.That(
                new[] { node.PowerInterface, node.ManagementInterface, node.BootInterface, node.DeployInterface, node.InspectInterface, node.RescueInterface },
                Is.All.EqualTo("fake"), "fake-hardware defaults every interface to fake");
            Assert.That(Guid.TryParse(node.Uuid, out _), Is.True);
        });
    }

    [Test]
    public void InterfaceOverrides_AreShownOnTheNode_AndUnknownOnesRefused()
    {
        var conductor = ConductorFixture.Create();

        var node = conductor.CreateNode(new NodeCreateRequest { Name = "n", DeployInterface = "direct", RescueInterface = "agent" });

        Assert.Multiple(() =>
        {
            Assert.That(node.DeployInterface, Is.EqualTo("direct"));
            Assert.That(node.RescueInterface, Is.EqualTo("agent"));
            Assert.That(
                () => conductor.CreateNode(new NodeCreateRequest { Name = "m", DeployInterface = "ansible" }),
                Throws.TypeOf<InvalidParameterValueException>());
            Assert.That(conductor.Nodes, Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Node_IsFoundByNameOrUuid()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n");

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetNode("n").Uuid, Is.EqualTo(node.Uuid));
            Assert.That(conductor.GetNode(node.Uuid).Name, Is.EqualTo("n"));
            Assert.That(conductor.GetNode(node.Uuid.ToUpperInvariant()).Name, Is.EqualTo("n"));
        });
    }

    [Test]
    public void Node_IsFoundByAnyUuidGiven_OfAnyLength_AndOtherNodesByName()
    {
        var conductor = ConductorFixture.Create();
        conductor.CreateNode(new NodeCreateRequest { Uuid = "short-id", Name = "a" });
        conductor.CreateNode(new NodeCreateRequest { Uuid = "a-much-longer-identifier-than-a-uuid-has", Name = "b" });
        conductor.CreateNode(new NodeCreateRequest { Name = "c-name-as-long-as-a-uuid-0123456789" });
        conductor.CreateNode(new NodeCreateRequest { Name = "d" });

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetNode("SHORT-ID").Name, Is.EqualTo("a"));
            Assert.That(conductor.GetNode("a-much-longer-identifier-than-a-uuid-has").Name, Is.EqualTo("b"));
            Assert.That(conductor.GetNode("c-name-as-long-as-a-uuid-0123456789").Name, Is.EqualTo("c-name-as-long-as-a-uuid-0123456789"));
            Assert.That(conductor.GetNode("d").Name, Is.EqualTo("d"));
            Assert.That(conductor.GetNode(conductor.GetNode("d").Uuid).Name, Is.EqualTo("d"));
            Assert.Throws<NodeNotFoundException>(() => conductor.GetNode("SHORT-ID-"));
        });
    }

    [Test]
    public void NodeCreatedInATransientState_GetsThatStatesTarget()
    {
        var conductor = ConductorFixture.Create();

        Assert.That(conductor.Enroll("n", ProvisionState.CleanWait).TargetProvisionState, Is.EqualTo(ProvisionState.Available));
    }

    [Test]
    public void NodeView_IsASnapshot_LaterChangesDoNotShowThrough()
    {
        var conductor = ConductorFixture.Create();
        var before = conductor.Enroll("n");

        conductor.Provision("n", ApiVerb.Manage);

        Assert.That(before.ProvisionState, Is.EqualTo(ProvisionState.Enroll));
    }

    [Test]
    public void DuplicateName_IsDuplicateName409()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n");

        var error = Assert.Throws<DuplicateNameException>(() => conductor.Enroll("n"));

        Assert.That(error.HttpStatus, Is.EqualTo(409));
    }

    [TestCase("has space")]
    [TestCase("slash/name")]
    [TestCase("")]
    public void InvalidName_IsInvalidParameterValue400(string name)
    {
        var conductor = ConductorFixture.Create();

        Assert.That(() => conductor.Enroll(name), Throws.TypeOf<InvalidParameterValueException>());
        Assert.That(conductor.Nodes, Is.Empty);
    }

    [Test]
    public void UnknownHardwareType_IsDriverNotFound404()
    {
        var conductor = ConductorFixture.Create();

        var error = Assert.Throws<DriverNotFoundException>(
            () => conductor.CreateNode(new NodeCreateRequest { Name = "n", Driver = "redfish" }));

        Assert.That(error.HttpStatus, Is.EqualTo(404));
    }

    [Test]
    public void UnknownNode_IsNodeNotFound404()
    {
        var conductor = ConductorFixture.Create();

        Assert.That(() => conductor.GetNode("ghost"), Throws.TypeOf<NodeNotFoundException>());
    }

    // Available is allowed by [conductor] allow_deleting_available_nodes, True by default in 21.4
    // and master (ironic/conf/conductor.py; destroy_node adds AVAILABLE to DELETE_ALLOWED_STATES).
    [TestCase(ProvisionState.Enroll)]
    [TestCase(ProvisionState.Manageable)]
    [TestCase(ProvisionState.AdoptFailed)]
    [TestCase(ProvisionState.Available)]
    public void Delete_InTheDeleteAllowedStates_RemovesTheNode(ProvisionState state)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", state);

        conductor.DeleteNode("n");

        Assert.That(() => conductor.GetNode("n"), Throws.TypeOf<NodeNotFoundException>());
    }

    [TestCase(ProvisionState.Active)]
    [TestCase(ProvisionState.CleanWait)]
    [TestCase(ProvisionState.DeployFailed)]
    public void Delete_InOtherStates_IsInvalidState409_UnlessInMaintenance(ProvisionState state)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", state);
        conductor.Enroll("m", state, maintenance: true);

        var error = Assert.Throws<InvalidStateException>(() => conductor.DeleteNode("n"));
        conductor.DeleteNode("m");

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(409));
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(state));
            Assert.That(conductor.Nodes.Select(n => n.Name), Is.EqualTo(new[] { "n" }));
        });
    }

    [Test]
    public void Delete_OfAnAvailableNode_WithAllowDeletingAvailableNodesFalse_IsInvalidState409_ListingIronicsTuple()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions { AllowDeletingAvailableNodes = false });
        var node = conductor.Enroll("n", ProvisionState.Available);
        conductor.Enroll("m", ProvisionState.Available, maintenance: true);

        var error = Assert.Throws<InvalidStateException>(() => conductor.DeleteNode("n"));
        conductor.DeleteNode("m");

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(409));
            Assert.That(error.Message, Is.EqualTo(
                $"Can not delete node \"{node.Uuid}\" while it is in provision state \"available\". Valid provision states to " +
                "perform deletion are: \"('manageable', 'enroll', 'adopt failed')\", or set the node into maintenance mode"));
            Assert.That(conductor.Nodes.Select(n => n.Name), Is.EqualTo(new[] { "n" }));
        });
    }

    [Test]
    public void Delete_InAStateNotAllowed_ListsTheStatesAsIronicsTuple_AvailableLast()
    {
        var conductor = ConductorFixture.Create(ConductorOptions.ForRelease(IronicRelease.Release21_4));
        var node = conductor.Enroll("n", ProvisionState.Active);

        var error = Assert.Throws<InvalidStateException>(() => conductor.DeleteNode("n"));

        Assert.That(error.Message, Is.EqualTo(
            $"Can not delete node \"{node.Uuid}\" while it is in provision state \"active\". Valid provision states to " +
            "perform deletion are: \"('manageable', 'enroll', 'adopt failed', 'available')\", or set the node into maintenance mode"));
    }

    // Ironic's update_node with check_and_update_node_interfaces: the node runs the driver its
    // record names from then on, and a saved conductor keeps it.
    [Test]
    public void Update_DeployInterface_ChangesTheDriverTheNodeRuns_AndASnapshotKeepsIt()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var updated = conductor.UpdateNode("n", NodeUpdate.From(conductor.GetNode("n")) with { DeployInterface = "direct" });
        using var stream = new MemoryStream();
        conductor.Save(stream);
        stream.Position = 0;
        var loaded = IronicCore.Conductor.Load(stream);

        Assert.Multiple(() =>
        {
            Assert.That(updated.DeployInterface, Is.EqualTo("direct"));
            Assert.That(conductor.Provision("n", ApiVerb.Provide).ProvisionState, Is.EqualTo(ProvisionState.CleanWait), "cleaning through the agent");
            Assert.That(loaded.GetNode("n").DeployInterface, Is.EqualTo("direct"));
        });
    }

    [Test]
    public void Update_Interface_OutsideTheAllowedStates_IsInvalidState409_AndAnUnsupportedOneInvalidParameterValue400()
    {
        var conductor = ConductorFixture.Create(ConductorOptions.ForRelease(IronicRelease.Release21_4));
        var node = conductor.Enroll("n", ProvisionState.Active);
        conductor.Enroll("m", ProvisionState.Manageable);

        var state = Assert.Throws<InvalidStateException>(() => conductor.UpdateNode("n", NodeUpdate.From(node) with { RescueInterface = "agent" }));
        var unsupported = Assert.Throws<InvalidParameterValueException>(
            () => conductor.UpdateNode("m", NodeUpdate.From(conductor.GetNode("m")) with { DeployInterface = "iscsi" }));

        Assert.Multiple(() =>
        {
            Assert.That(state.Message, Is.EqualTo(
                $"Node {node.Uuid} can not have rescue_interface updated unless it is in one of allowed (enroll, inspecting, inspect wait, " +
                "manageable, available) states or in maintenance mode."));
            Assert.That(unsupported.Message, Is.EqualTo("deploy interface implementation 'iscsi' is not supported by hardware type fake-hardware."));
            Assert.That(conductor.GetNode("n").RescueInterface, Is.EqualTo("fake"));
        });
    }

    [Test]
    public void Delete_OfAProtectedNode_IsNodeProtected403_EvenInMaintenance()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active, maintenance: true);
        conductor.SetProtected("n", true, "tenant data");

        Assert.That(() => conductor.DeleteNode("n"), Throws.TypeOf<NodeProtectedException>());
    }

    [Test]
    public void Protect_OutsideActiveOrRescue_IsInvalidState409()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Available);

        Assert.That(() => conductor.SetProtected("n", true), Throws.TypeOf<InvalidStateException>());
    }

    [Test]
    public void UpdateDriverInfo_DuringATransition_IsInvalidState409_ButAllowedInUpdateAllowedStates()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("busy", ProvisionState.CleanWait);
        conductor.Enroll("failed", ProvisionState.CleanFailed);
        var info = ImmutableSortedDictionary<string, string>.Empty.Add("ipmi_address", "192.0.2.10");

        Assert.Multiple(() =>
        {
            Assert.That(() => conductor.UpdateDriverInfo("busy", info), Throws.TypeOf<InvalidStateException>());
            Assert.That(conductor.UpdateDriverInfo("failed", info).DriverInfo["ipmi_address"], Is.EqualTo("192.0.2.10"));
        });
    }
}
