using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>Portgroups: Ironic's unique constraints, <c>update_portgroup</c>, <c>update_portgroup_physical_network</c> and <c>destroy_portgroup</c>.</summary>
[TestFixture]
public sealed class PortgroupTests
{
    [Test]
    public void CreatePortgroup_IsNumberedFrom1_WithIronicsDefaults_OnANodeAnotherTaskHolds()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var first = conductor.Portgroup("n1");
        conductor.DeletePortgroup(first.Uuid);
        conductor.ReserveElsewhere("n1");

        var second = conductor.Portgroup("n1");

        Assert.Multiple(() =>
        {
            Assert.That((first.Id, second.Id), Is.EqualTo((1, 2)), "ids are not reused");
            Assert.That(second.Mode, Is.EqualTo("active-backup"));
            Assert.That(second.StandalonePortsSupported, Is.True);
            Assert.That(conductor.GetPortgroup("2").Uuid, Is.EqualTo(second.Uuid));
        });
    }

    [Test]
    public void NamesMacsAndUuids_AreUniqueAmongPortgroups_409_WhileAPortMayShareTheMac()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var bond = conductor.Portgroup("n1", "bond0", "52:54:00:00:00:10");
        conductor.Port("n1", "52:54:00:00:00:10");

        var name = Assert.Throws<PortgroupDuplicateNameException>(() => conductor.Portgroup("n1", "bond0"));
        var mac = Assert.Throws<PortgroupMacAlreadyExistsException>(() => conductor.Portgroup("n1", "bond1", "52:54:00:00:00:10"));
        var uuid = Assert.Throws<PortgroupAlreadyExistsException>(() => conductor.CreatePortgroup(new PortgroupRequest { Node = "n1" }, bond.Uuid));

        Assert.Multiple(() =>
        {
            Assert.That(name.Message, Is.EqualTo("A portgroup with name bond0 already exists."));
            Assert.That((mac.IronicClass, mac.Message), Is.EqualTo(("PortgroupMACAlreadyExists", "A portgroup with MAC address 52:54:00:00:00:10 already exists.")));
            Assert.That(uuid.Message, Is.EqualTo($"A portgroup with UUID {bond.Uuid} already exists."));
            Assert.That(conductor.Portgroups, Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void UpdatePortgroup_MoveToANodeOutsideEnrollInspectingAndManageable_IsInvalidState409()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var active = conductor.Enroll("n2", ProvisionState.Active);
        var bond = conductor.Portgroup("n1");

        var error = Assert.Throws<InvalidStateException>(() => conductor.UpdatePortgroup(bond.Uuid, PortgroupRequest.From(bond) with { Node = "n2" }));

        Assert.That(error.Message, Is.EqualTo(
            $"Portgroup {bond.Uuid} can not be associated to node {active.Uuid} unless the node is in a enroll, inspecting, inspect wait, manageable state " +
            "or in maintenance mode. Current state is 'active'."));
    }

    [Test]
    public void UpdatePortgroup_MoveWithPortsInIt_IsPortgroupNotEmpty400()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var other = conductor.Enroll("n2");
        var bond = conductor.Portgroup("n1");
        conductor.Port("n1", "52:54:00:00:00:01", bond.Uuid);

        var error = Assert.Throws<PortgroupNotEmptyException>(() => conductor.UpdatePortgroup(bond.Uuid, PortgroupRequest.From(bond) with { Node = "n2" }));

        Assert.Multiple(() =>
        {
            Assert.That((error.IronicClass, error.HttpStatus), Is.EqualTo(("PortgroupNotEmpty", 400)));
            Assert.That(error.Message, Is.EqualTo(
                $"Portgroup {bond.Uuid} can not be associated with node {other.Uuid} because there are ports associated with this portgroup."));
            Assert.That(conductor.GetPortgroup(bond.Uuid).NodeUuid, Is.EqualTo(bond.NodeUuid));
        });
    }

    [Test]
    public void PortgroupChanged_StandalonePortsOffWhileAMemberBootsByPxe_IsConflict409()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var bond = conductor.Portgroup("n1");
        conductor.Port("n1", "52:54:00:00:00:01", bond.Uuid);

        var error = Assert.Throws<ConflictException>(() => conductor.UpdatePortgroup(bond.Uuid, PortgroupRequest.From(bond) with { StandalonePortsSupported = false }));

        Assert.That(error.Message, Is.EqualTo(
            $"standalone_ports_supported can not be set to False, because the port group {bond.Uuid} contains port with 'pxe_enabled' is set to True"));
    }

    [Test]
    public void UpdatePortgroupPhysicalNetwork_GivesItToEveryMemberPort()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var bond = conductor.Portgroup("n1");
        var member = conductor.Port("n1", "52:54:00:00:00:01", bond.Uuid);
        var alone = conductor.Port("n1", "52:54:00:00:00:02");
        conductor.Clock.Advance(TimeSpan.FromMinutes(1));

        var updated = conductor.UpdatePortgroupPhysicalNetwork(bond.Uuid, "physnet1");

        Assert.Multiple(() =>
        {
            Assert.That((updated.PhysicalNetwork, updated.UpdatedAt), Is.EqualTo(("physnet1", (DateTimeOffset?)conductor.Clock.GetUtcNow())));
            Assert.That(conductor.GetPort(member.Uuid).PhysicalNetwork, Is.EqualTo("physnet1"));
            Assert.That(conductor.GetPort(member.Uuid).UpdatedAt, Is.EqualTo(conductor.Clock.GetUtcNow()));
            Assert.That(conductor.GetPort(alone.Uuid).PhysicalNetwork, Is.Null);
        });
    }

    [Test]
    public void DestroyPortgroup_WithPortsInIt_IsPortgroupNotEmpty400_NamingTheDatabaseId()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var bond = conductor.Portgroup("n1");
        conductor.Port("n1", "52:54:00:00:00:01", bond.Uuid);

        var error = Assert.Throws<PortgroupNotEmptyException>(() => conductor.DeletePortgroup(bond.Uuid));

        Assert.That(error.Message, Is.EqualTo("Cannot complete the requested action because portgroup 1 contains ports."));
    }

    [Test]
    public void UpdateAndDestroy_OnANodeAnotherTaskHolds_AreNodeLocked409()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var bond = conductor.Portgroup("n1");
        conductor.ReserveElsewhere("n1");

        Assert.Throws<NodeLockedException>(() => conductor.UpdatePortgroup(bond.Uuid, PortgroupRequest.From(bond) with { Name = "bond0" }));
        Assert.Throws<NodeLockedException>(() => conductor.UpdatePortgroupPhysicalNetwork(bond.Uuid, "physnet1"));
        Assert.Throws<NodeLockedException>(() => conductor.DeletePortgroup(bond.Uuid));
        Assert.That(conductor.GetPortgroup(bond.Uuid).Name, Is.Null);
    }

    [Test]
    public void GetPortgroup_Unknown_IsPortgroupNotFound404()
    {
        var conductor = ConductorFixture.Create();

        var error = Assert.Throws<PortgroupNotFoundException>(() => conductor.GetPortgroup("bond9"));

        Assert.That((error.HttpStatus, error.Message), Is.EqualTo((404, "Portgroup bond9 could not be found.")));
    }
}
