using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// The node fields Ironic's API serves and its flows do not read (<c>properties</c>,
/// <c>owner</c>, <c>instance_info</c>, ...), <c>created_at</c> and <c>updated_at</c>, kept by the conductor.
/// </summary>
[TestFixture]
public sealed class NodeDetailsTests
{
    [Test]
    public void CreateNode_TakesTheFields_AndANewNodeHasEmptyDictionariesAndNoUpdatedAt()
    {
        var conductor = ConductorFixture.Create();
        conductor.Clock.Advance(TimeSpan.FromMinutes(3));

        var plain = conductor.Enroll("plain");
        var described = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "described",
            Properties = NetworkFixture.Json("""{"cpus": 4}"""),
            ResourceClass = "baremetal",
            Owner = "project-a",
            ConsoleEnabled = true,
            InstanceUuid = "6f1c6a1e-0b8d-4c41-9d0e-3f0c2b6a9e99",
        });

        Assert.Multiple(() =>
        {
            Assert.That(plain.Properties.GetRawText(), Is.EqualTo("{}"));
            Assert.That((plain.Owner, plain.Traits.Count, plain.UpdatedAt), Is.EqualTo(((string?)null, 0, (DateTimeOffset?)null)));
            Assert.That(plain.CreatedAt, Is.EqualTo(conductor.Clock.GetUtcNow()));
            Assert.That(described.Properties.GetProperty("cpus").GetInt32(), Is.EqualTo(4));
            Assert.That((described.ResourceClass, described.Owner, described.ConsoleEnabled), Is.EqualTo(("baremetal", "project-a", true)));
            Assert.That(described.InstanceUuid, Is.EqualTo("6f1c6a1e-0b8d-4c41-9d0e-3f0c2b6a9e99"));
            Assert.That(described.UpdatedAt, Is.Null);
        });
    }

    [Test]
    public void CreateNode_RetiredAvailable_IsInvalidState409_AndCreatesNothing()
    {
        var conductor = ConductorFixture.Create();

        var error = Assert.Throws<InvalidStateException>(() =>
            conductor.CreateNode(new NodeCreateRequest { Name = "n1", ProvisionState = ProvisionState.Available, Retired = true }));
        Assert.Throws<InvalidParameterValueException>(() => conductor.CreateNode(new NodeCreateRequest { Name = "n2", RetiredReason = "old" }));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.EndWith("can not have 'retired' set in provision state 'available', the current state is 'available'"));
            Assert.That(conductor.Nodes, Is.Empty);
        });
    }

    [Test]
    public void CreateNode_ADictionaryFieldThatIsNotAnObject_IsRefused()
    {
        var conductor = ConductorFixture.Create();

        Assert.Throws<ArgumentException>(() => conductor.CreateNode(new NodeCreateRequest { Extra = NetworkFixture.Json("[1]") }));
        Assert.That(conductor.Nodes, Is.Empty);
    }

    [Test]
    public void UpdateNode_StoresTheFields_AndStampsUpdatedAt_OnlyWhenOneChanges()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1");
        conductor.Clock.Advance(TimeSpan.FromMinutes(1));

        var unchanged = conductor.UpdateNode("n1", NodeUpdate.From(node));
        var changed = conductor.UpdateNode("n1", NodeUpdate.From(node) with { Extra = NetworkFixture.Json("""{"rack": 4}"""), Lessee = "project-b" });

        Assert.Multiple(() =>
        {
            Assert.That(unchanged.UpdatedAt, Is.Null);
            Assert.That(changed.UpdatedAt, Is.EqualTo(conductor.Clock.GetUtcNow()));
            Assert.That((changed.Extra.GetRawText(), changed.Lessee), Is.EqualTo(("""{"rack": 4}""", "project-b")));
        });
    }

    [Test]
    public void UpdateNode_OnANodeAnotherTaskHolds_IsNodeLocked409_EvenForFieldsTheFlowsDoNotRead()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1");
        conductor.ReserveElsewhere("n1");

        Assert.Throws<NodeLockedException>(() => conductor.UpdateNode("n1", NodeUpdate.From(node) with { Description = "rack 4" }));
        Assert.That(conductor.GetNode("n1").Description, Is.Null);
    }

    [Test]
    public void UpdatedAt_IsTheLastProvisionStateChangeOrRequestThatSavedTheNode()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1", ProvisionState.Manageable);
        conductor.Clock.Advance(TimeSpan.FromMinutes(1));
        var provided = conductor.Provision("n1", ApiVerb.Provide);
        conductor.Clock.Advance(TimeSpan.FromMinutes(1));
        conductor.SetMaintenance("n1", "look");

        Assert.Multiple(() =>
        {
            Assert.That(provided.UpdatedAt, Is.EqualTo(provided.ProvisionUpdatedAt));
            Assert.That(conductor.GetNode("n1").UpdatedAt, Is.EqualTo(conductor.Clock.GetUtcNow()));
        });
    }

    [Test]
    public void Inspection_StampsInspectionFinishedAt_WhenItSucceeds_AndANewOneClearsIt()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1", ProvisionState.Manageable);

        var inspected = conductor.Provision("n1", ApiVerb.Inspect);
        conductor.Clock.Advance(TimeSpan.FromMinutes(1));
        conductor.SetProvisionState("n1", ApiVerb.Inspect);
        var again = conductor.GetNode("n1");

        Assert.Multiple(() =>
        {
            Assert.That(inspected.InspectionFinishedAt, Is.EqualTo(inspected.ProvisionUpdatedAt));
            Assert.That((again.ProvisionState, again.InspectionFinishedAt), Is.EqualTo((ProvisionState.Inspecting, (DateTimeOffset?)null)));
        });
    }

    [Test]
    public void TearDown_ClearsInstanceInfoAndInstanceName_HoweverItEnds()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1", ProvisionState.Active);
        conductor.UpdateNode("n1", NodeUpdate.From(node) with { InstanceInfo = NetworkFixture.Json("""{"image_source": "img"}"""), InstanceName = "vm-1" });

        var undeployed = conductor.Provision("n1", ApiVerb.Deleted);

        Assert.Multiple(() =>
        {
            Assert.That(undeployed.ProvisionState, Is.Not.EqualTo(ProvisionState.Active));
            Assert.That(undeployed.InstanceInfo.GetRawText(), Is.EqualTo("{}"));
            Assert.That(undeployed.InstanceName, Is.Null);
        });
    }
}
