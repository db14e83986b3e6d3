using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Resources;
using IronicCore.States;

namespace IronicCore.Tests.Resources;

/// <summary>Ironic's conductor/allocations.py: candidates, errors, backfilling, giving the node back.</summary>
public sealed class AllocationRuleTests
{
    private static (IronicCore.Conductor Conductor, string[] Nodes) Fleet(params (string? Class, ProvisionState State, bool Maintenance)[] nodes)
    {
        var conductor = new IronicCore.Conductor(new ConductorOptions(), seed: 7);
        var uuids = nodes.Select((n, i) => conductor.CreateNode(new NodeCreateRequest
        {
            Name = $"node-{i}",
            ResourceClass = n.Class,
            ProvisionState = n.State,
            PowerState = PowerState.PowerOff,
            Maintenance = n.Maintenance,
        }).Uuid).ToArray();
        return (conductor, uuids);
    }

    [Test]
    public void Allocation_ReservesAnAvailableNodeOfTheResourceClass_SettingItsInstanceAndAllocation()
    {
        var (conductor, nodes) = Fleet(("gold", ProvisionState.Available, true), ("silver", ProvisionState.Available, false), ("gold", ProvisionState.Manageable, false), ("gold", ProvisionState.Available, false));

        var allocation = conductor.CreateAllocation(new AllocationCreateRequest { ResourceClass = "gold" });
        var node = conductor.GetNode(nodes[3]);

        Assert.Multiple(() =>
        {
            Assert.That(allocation.State, Is.EqualTo(AllocationState.Active));
            Assert.That(allocation.NodeUuid, Is.EqualTo(nodes[3]), "the only available gold node outside maintenance");
            Assert.That(node.InstanceUuid, Is.EqualTo(allocation.Uuid));
            Assert.That(node.AllocationUuid, Is.EqualTo(allocation.Uuid));
            Assert.That(conductor.GetNodeAllocation("node-3").Uuid, Is.EqualTo(allocation.Uuid));
        });
    }

    [Test]
    public void NoMatchingNode_FailsTheAllocation_WithIronicsLastError()
    {
        var (conductor, nodes) = Fleet(("gold", ProvisionState.Available, false));
        conductor.AddNodeTraits(nodes[0], ["CUSTOM_A"]);

        var none = conductor.CreateAllocation(new AllocationCreateRequest { ResourceClass = "bronze" });
        var listed = conductor.CreateAllocation(new AllocationCreateRequest { ResourceClass = "bronze", CandidateNodes = ["node-0"] });
        var traits = conductor.CreateAllocation(new AllocationCreateRequest { ResourceClass = "gold", Traits = ["CUSTOM_A", "CUSTOM_B"] });

        Assert.Multiple(() =>
        {
            Assert.That(none.State, Is.EqualTo(AllocationState.Error));
            Assert.That(none.LastError, Is.EqualTo($"Failed to process allocation {none.Uuid}: no available nodes match the resource class bronze."));
            Assert.That(listed.LastError, Is.EqualTo($"Failed to process allocation {listed.Uuid}: none of the requested nodes are available and match the resource class bronze."));
            Assert.That(listed.CandidateNodes, Is.EqualTo(new[] { nodes[0] }), "candidates stored as UUIDs");
            Assert.That(traits.LastError, Is.EqualTo($"Failed to process allocation {traits.Uuid}: no suitable nodes have the requested traits CUSTOM_A, CUSTOM_B."));
            Assert.That(conductor.GetNode(nodes[0]).InstanceUuid, Is.Null);
        });
    }

    [Test]
    public void UnknownCandidateOrMissingResourceClass_IsRefused_AndCreatesNothing()
    {
        var (conductor, _) = Fleet(("gold", ProvisionState.Available, false));

        var unknown = Assert.Throws<NodeNotFoundException>(() => conductor.CreateAllocation(new AllocationCreateRequest { ResourceClass = "gold", CandidateNodes = ["nope"] }));
        var noClass = Assert.Throws<InvalidException>(() => conductor.CreateAllocation(new AllocationCreateRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(unknown!.HttpStatus, Is.EqualTo(400));
            Assert.That(unknown.Message, Is.EqualTo("Nodes cannot be found: nope"));
            Assert.That(noClass!.Message, Is.EqualTo("The resource_class field is mandatory when not backfilling"));
            Assert.That(conductor.Allocations, Is.Empty);
        });
    }

    [Test]
    public void Backfill_OfANodeNotActive_FailsNamingEveryMismatch_AndKeepsTheAllocationInError()
    {
        var (conductor, nodes) = Fleet(("gold", ProvisionState.Available, false));

        var error = Assert.Throws<AllocationFailedException>(() => conductor.CreateAllocation(new AllocationCreateRequest { Node = "node-0", ResourceClass = "silver" }));
        var stored = conductor.Allocations.Single();

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Is.EqualTo(
                $"Failed to process allocation {stored.Uuid}: Cannot backfill an allocation for node {nodes[0]}: " +
                "Node must be in the \"active\" state, but the current state is \"available\"; Resource class gold does not match the requested resource class silver."));
            Assert.That(stored.State, Is.EqualTo(AllocationState.Error));
            Assert.That(stored.LastError, Is.EqualTo(error.Message));
        });
    }

    [Test]
    public void Backfill_OfAnActiveNode_TakesItsInstanceUuidAndResourceClass()
    {
        var (conductor, nodes) = Fleet(("gold", ProvisionState.Active, false));
        var instance = "6f1c6a1e-0b8d-4c41-9d0e-3f0c2b6a9eaa";
        conductor.UpdateNode(nodes[0], NodeUpdate.From(conductor.GetNode(nodes[0])) with { InstanceUuid = instance });

        var allocation = conductor.CreateAllocation(new AllocationCreateRequest { Node = nodes[0] });

        Assert.Multiple(() =>
        {
            Assert.That(allocation.Uuid, Is.EqualTo(instance));
            Assert.That(allocation.ResourceClass, Is.EqualTo("gold"));
            Assert.That(allocation.State, Is.EqualTo(AllocationState.Active));
            Assert.That(conductor.GetNode(nodes[0]).AllocationUuid, Is.EqualTo(instance));
        });
    }

    [Test]
    public void Deleting_TheAllocationOfAnActiveNode_IsRefused_OutsideMaintenance()
    {
        var (conductor, nodes) = Fleet(("gold", ProvisionState.Active, false));
        var allocation = conductor.CreateAllocation(new AllocationCreateRequest { Node = nodes[0] });

        var error = Assert.Throws<InvalidStateException>(() => conductor.DeleteAllocation(allocation.Uuid));
        conductor.SetMaintenance(nodes[0], "moving");
        conductor.DeleteAllocation(allocation.Uuid);

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Is.EqualTo($"Cannot remove allocation {allocation.Uuid} for node {nodes[0]}, because the node is active (and maintenance mode is off)"));
            Assert.That(conductor.GetNode(nodes[0]).InstanceUuid, Is.Null);
            Assert.That(conductor.GetNode(nodes[0]).AllocationUuid, Is.Null);
            Assert.That(conductor.Allocations, Is.Empty);
        });
    }

    [Test]
    public void Undeploy_DestroysTheNodesAllocation()
    {
        var (conductor, nodes) = Fleet(("gold", ProvisionState.Available, false));
        conductor.CreateAllocation(new AllocationCreateRequest { ResourceClass = "gold" });
        conductor.SetProvisionState(nodes[0], ApiVerb.Active);
        conductor.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.That(conductor.GetNode(nodes[0]).ProvisionState, Is.EqualTo(ProvisionState.Active));

        conductor.SetProvisionState(nodes[0], ApiVerb.Deleted);
        conductor.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Multiple(() =>
        {
            Assert.That(conductor.Allocations, Is.Empty);
            Assert.That(conductor.GetNode(nodes[0]).AllocationUuid, Is.Null);
            Assert.That(conductor.GetNode(nodes[0]).InstanceUuid, Is.Null);
        });
    }

    [Test]
    public void Chassis_CannotBeDeletedWhileANodeBelongsToIt_AndANodeCannotNameAnUnknownOne()
    {
        var conductor = new IronicCore.Conductor(new ConductorOptions(), seed: 7);
        var chassis = conductor.CreateChassis(null, "rack 1", JsonElement.Parse("{\"row\": 2}"));
        var node = conductor.CreateNode(new NodeCreateRequest { ChassisUuid = chassis.Uuid });

        var notEmpty = Assert.Throws<ChassisNotEmptyException>(() => conductor.DeleteChassis(chassis.Uuid));
        var unknown = Assert.Throws<ChassisNotFoundException>(() => conductor.CreateNode(new NodeCreateRequest { ChassisUuid = "6f1c6a1e-0b8d-4c41-9d0e-3f0c2b6a9e99" }));
        conductor.DeleteNode(node.Uuid);
        conductor.DeleteChassis(chassis.Uuid);

        Assert.Multiple(() =>
        {
            Assert.That(notEmpty!.Message, Is.EqualTo("Cannot complete the requested action because chassis 1 contains nodes."));
            Assert.That(notEmpty.HttpStatus, Is.EqualTo(400));
            Assert.That(unknown!.HttpStatus, Is.EqualTo(400));
            Assert.That(conductor.Chassis, Is.Empty);
        });
    }

    [Test]
    public void ChassisAndAllocations_SurviveASnapshot_WithTheNodesAllocationUuid()
    {
        var (conductor, nodes) = Fleet(("gold", ProvisionState.Available, false));
        var chassis = conductor.CreateChassis(null, "rack 1");
        var allocation = conductor.CreateAllocation(new AllocationCreateRequest { ResourceClass = "gold", Name = "web-1" });
        using var stream = new MemoryStream();
        conductor.Save(stream);
        stream.Position = 0;

        var loaded = IronicCore.Conductor.Load(stream);
        var next = loaded.CreateChassis(null, null);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.GetChassis(chassis.Uuid).Description, Is.EqualTo("rack 1"));
            Assert.That(loaded.GetAllocation("web-1").NodeUuid, Is.EqualTo(nodes[0]));
            Assert.That(loaded.GetNode(nodes[0]).AllocationUuid, Is.EqualTo(allocation.Uuid));
            Assert.That(next.Uuid, Is.EqualTo(conductor.CreateChassis(null, null).Uuid), "the UUID stream goes on where it was saved");
        });
    }
}
