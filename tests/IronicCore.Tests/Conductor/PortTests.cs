using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>Ports: Ironic's <c>create_port</c>, <c>update_port</c> and <c>destroy_port</c> rules, refused before anything changes.</summary>
[TestFixture]
public sealed class PortTests
{
    [Test]
    public void CreatePort_OnANodeAnotherTaskHolds_Succeeds_AsItsSharedLockAllows()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        conductor.ReserveElsewhere("n1");

        var port = conductor.Port("n1", "52:54:00:00:00:01");

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetPort(port.Uuid).NodeUuid, Is.EqualTo(conductor.GetNode("n1").Uuid));
            Assert.That(port.PxeEnabled, Is.True);
            Assert.That(port.CreatedAt, Is.EqualTo(conductor.Clock.GetUtcNow()));
            Assert.That(port.UpdatedAt, Is.Null);
        });
    }

    [Test]
    public void CreatePort_WithoutAUuid_DrawsItFromTheSeed()
    {
        var (first, second) = (ConductorFixture.Create(), ConductorFixture.Create());
        first.Enroll("n1");
        second.Enroll("n1");

        Assert.That(first.Port("n1", "52:54:00:00:00:01").Uuid, Is.EqualTo(second.Port("n1", "52:54:00:00:00:01").Uuid));
    }

    [Test]
    public void CreatePort_MacOfAnotherPortInAnyCase_IsMACAlreadyExists409()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        conductor.Port("n1", "52:54:00:aa:bb:cc");

        var error = Assert.Throws<MacAlreadyExistsException>(() => conductor.Port("n1", "52:54:00:AA:BB:CC"));

        Assert.Multiple(() =>
        {
            Assert.That((error.IronicClass, error.HttpStatus), Is.EqualTo(("MACAlreadyExists", 409)));
            Assert.That(error.Message, Is.EqualTo("A port with MAC address 52:54:00:AA:BB:CC already exists."));
            Assert.That(conductor.Ports, Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void CreatePort_TakenUuidOrName_IsPortAlreadyExists409_NamingTheUuid()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var port = conductor.CreatePort(new PortRequest { Node = "n1", Address = "52:54:00:00:00:01", Name = "eth0" });

        var uuid = Assert.Throws<PortAlreadyExistsException>(() => conductor.CreatePort(new PortRequest { Node = "n1", Address = "52:54:00:00:00:02" }, port.Uuid));
        var name = Assert.Throws<PortAlreadyExistsException>(() =>
            conductor.CreatePort(new PortRequest { Node = "n1", Address = "52:54:00:00:00:03", Name = "eth0" }, "11111111-2222-4333-8444-555555555555"));

        Assert.That(uuid.Message, Is.EqualTo($"A port with UUID {port.Uuid} already exists."));
        Assert.That(name.Message, Is.EqualTo("A port with UUID 11111111-2222-4333-8444-555555555555 already exists."));
    }

    [Test]
    public void CreatePort_InAnUnknownPortgroup_IsPortgroupNotFound_AndInAnotherNodesIsInvalid()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        conductor.Enroll("n2");
        var foreign = conductor.Portgroup("n2");
        const string Ghost = "0f3a6f2e-2b3c-4d5e-8f90-0a1b2c3d4e5f";

        var unknown = Assert.Throws<PortgroupNotFoundException>(() => conductor.Port("n1", "52:54:00:00:00:01", Ghost));
        var elsewhere = Assert.Throws<InvalidException>(() => conductor.Port("n1", "52:54:00:00:00:01", foreign.Uuid));

        Assert.Multiple(() =>
        {
            Assert.That((unknown.HttpStatus, unknown.Message), Is.EqualTo((404, $"Portgroup {Ghost} could not be found.")));
            Assert.That((elsewhere.HttpStatus, elsewhere.Message), Is.EqualTo((400, "Port can not be added to a portgroup belonging to a different node.")));
            Assert.That(conductor.Ports, Is.Empty);
        });
    }

    [Test]
    public void CreatePort_SmartNicWithoutPortIdAndHostname_IsInvalid()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");

        var error = Assert.Throws<InvalidException>(() => conductor.CreatePort(new PortRequest
        {
            Node = "n1",
            Address = "52:54:00:00:00:01",
            IsSmartnic = true,
            LocalLinkConnection = NetworkFixture.Json("""{"port_id": "Ethernet1"}"""),
        }));

        Assert.That(error.Message, Is.EqualTo("Smart NIC port must have port_id and hostname in local_link_connection"));
    }

    [Test]
    public void CreatePort_EmptyPhysicalNetwork_IsInvalid()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");

        var error = Assert.Throws<InvalidException>(() => conductor.Port("n1", "52:54:00:00:00:01", physnet: string.Empty));

        Assert.That(error.Message, Is.EqualTo("A non-empty value is required when setting physical_network"));
    }

    [Test]
    public void CreatePort_PxeEnabledGivenForAPortgroupWithoutStandalonePorts_IsConflict409_UnsetIsNot()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var bond = conductor.Portgroup("n1", standalone: false);

        var error = Assert.Throws<ConflictException>(() => conductor.Port("n1", "52:54:00:00:00:01", bond.Uuid, pxe: true));
        var unset = conductor.Port("n1", "52:54:00:00:00:02", bond.Uuid);

        Assert.Multiple(() =>
        {
            Assert.That((error.IronicClass, error.HttpStatus), Is.EqualTo(("Conflict", 409)));
            Assert.That(error.Message, Is.EqualTo(
                $"Port group {bond.Uuid} doesn't support standalone ports. This port cannot be created as a member of that portgroup as the port's 'pxe_enabled' field was set to True."));
            Assert.That(unset.PxeEnabled, Is.True, "Ironic checks only a pxe_enabled that was given");
        });
    }

    [Test]
    public void ValidatePortPhysnet_AMemberOnAnotherPhysicalNetworkThanTheOthers_IsConflict409()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var bond = conductor.Portgroup("n1");
        conductor.Port("n1", "52:54:00:00:00:01", bond.Uuid, physnet: "physnet1");

        var error = Assert.Throws<ConflictException>(() => conductor.Port("n1", "52:54:00:00:00:02", bond.Uuid, physnet: "physnet2"));

        Assert.That(error.Message, Is.EqualTo(
            $"Port with physical network physnet2 cannot become a member of port group {bond.Uuid} which has ports in physical network physnet1."));
    }

    [Test]
    public void UpdatePort_AddressOfAnActiveNode_IsInvalidState409_UnlessInMaintenance()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1", ProvisionState.Active);
        var port = conductor.Port("n1", "52:54:00:00:00:01");

        var error = Assert.Throws<InvalidStateException>(() => conductor.UpdatePort(port.Uuid, PortRequest.From(port) with { Address = "52:54:00:00:00:02" }));
        conductor.SetMaintenance("n1");
        var moved = conductor.UpdatePort(port.Uuid, PortRequest.From(port) with { Address = "52:54:00:00:00:02" });

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo(
                $"Cannot update hardware address for port {port.Uuid} as node {port.NodeUuid} is active or has instance UUID assigned"));
            Assert.That(moved.Address, Is.EqualTo("52:54:00:00:00:02"));
        });
    }

    [Test]
    public void UpdatePort_ConnectivityOutsideEnrollInspectingAndManageable_IsInvalidState409()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1", ProvisionState.Available);
        var port = conductor.Port("n1", "52:54:00:00:00:01");

        var error = Assert.Throws<InvalidStateException>(() => conductor.UpdatePort(port.Uuid, PortRequest.From(port) with { PxeEnabled = false }));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo(
                $"Port {port.Uuid} can not have any connectivity attributes (portgroup_id, pxe_enabled, local_link_connection, physical_network) updated " +
                $"unless node {port.NodeUuid} is in a enroll, inspecting, inspect wait, manageable state or in maintenance mode. The current state is available."));
            Assert.That(conductor.GetPort(port.Uuid).PxeEnabled, Is.True);
        });
    }

    [Test]
    public void UpdatePort_OnANodeAnotherTaskHolds_IsNodeLocked409()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var port = conductor.Port("n1", "52:54:00:00:00:01");
        conductor.ReserveElsewhere("n1");

        Assert.Throws<NodeLockedException>(() => conductor.UpdatePort(port.Uuid, PortRequest.From(port) with { Name = "eth0" }));
        Assert.Throws<NodeLockedException>(() => conductor.DeletePort(port.Uuid));
        Assert.That(conductor.GetPort(port.Uuid).Name, Is.Null);
    }

    [Test]
    public void UpdatePort_NameOrMacOfAnotherPort_IsPortDuplicateNameOrMACAlreadyExists()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        conductor.CreatePort(new PortRequest { Node = "n1", Address = "52:54:00:00:00:01", Name = "eth0" });
        var port = conductor.Port("n1", "52:54:00:00:00:02");

        var name = Assert.Throws<PortDuplicateNameException>(() => conductor.UpdatePort(port.Uuid, PortRequest.From(port) with { Name = "eth0" }));
        var mac = Assert.Throws<MacAlreadyExistsException>(() => conductor.UpdatePort(port.Uuid, PortRequest.From(port) with { Address = "52:54:00:00:00:01" }));

        Assert.That((name.Message, mac.Message), Is.EqualTo(("A port with name eth0 already exists.", "A port with MAC address 52:54:00:00:00:01 already exists.")));
    }

    [Test]
    public void PortChanged_AMemberWithAVifJoiningAPortgroupWithoutStandalonePorts_IsConflict409()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var bond = conductor.Portgroup("n1", standalone: false);
        var port = conductor.Port("n1", "52:54:00:00:00:01", pxe: false);
        conductor.AttachVif("n1", "vif-1");

        var error = Assert.Throws<ConflictException>(() => conductor.UpdatePort(port.Uuid, PortRequest.From(conductor.GetPort(port.Uuid)) with { PortgroupUuid = bond.Uuid }));

        Assert.That(error.Message, Is.EqualTo(
            $"Port group {bond.Uuid} doesn't support standalone ports. This port {port.Uuid} cannot be  a member of that port group because of: VIF vif-1 is attached to the port"));
    }

    [Test]
    public void UpdatePort_StampsUpdatedAt_OnlyWhenAFieldChanges()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var port = conductor.Port("n1", "52:54:00:00:00:01");
        conductor.Clock.Advance(TimeSpan.FromMinutes(1));

        var same = conductor.UpdatePort(port.Uuid, PortRequest.From(port));
        var changed = conductor.UpdatePort(port.Uuid, PortRequest.From(port) with { Extra = NetworkFixture.Json("""{"rack": 4}""") });

        Assert.Multiple(() =>
        {
            Assert.That(same.UpdatedAt, Is.Null);
            Assert.That(changed.UpdatedAt, Is.EqualTo(conductor.Clock.GetUtcNow()));
            Assert.That(changed.Extra.GetRawText(), Is.EqualTo("""{"rack": 4}"""));
        });
    }

    [Test]
    public void DestroyPort_BoundToAVif_IsInvalidState409_UnlessInMaintenance()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var port = conductor.Port("n1", "52:54:00:00:00:01");
        conductor.AttachVif("n1", "vif-1");

        var error = Assert.Throws<InvalidStateException>(() => conductor.DeletePort(port.Uuid));
        conductor.SetMaintenance("n1");
        conductor.DeletePort(port.Uuid);

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo($"Cannot delete the port {port.Uuid} as it is bound to VIF vif-1 for use."));
            Assert.That(conductor.Ports, Is.Empty);
        });
    }

    [Test]
    public void GetPort_ByUuidOrName_NotByDatabaseId()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var port = conductor.CreatePort(new PortRequest { Node = "n1", Address = "52:54:00:00:00:01", Name = "eth0" });

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetPort("eth0").Uuid, Is.EqualTo(port.Uuid));
            Assert.That(conductor.GetPort(port.Uuid.ToUpperInvariant()).Uuid, Is.EqualTo(port.Uuid));
            Assert.That(conductor.FindPortByAddress("52:54:00:00:00:01")?.Uuid, Is.EqualTo(port.Uuid));
            Assert.That(Assert.Throws<PortNotFoundException>(() => conductor.GetPort("1"))!.Message, Is.EqualTo("Port 1 could not be found."));
        });
    }

    [Test]
    public void DeleteNode_DeletesItsPortsAndPortgroups()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        conductor.Enroll("n2");
        conductor.Port("n1", "52:54:00:00:00:01", conductor.Portgroup("n1").Uuid);
        var kept = conductor.Port("n2", "52:54:00:00:00:02");

        conductor.DeleteNode("n1");

        Assert.Multiple(() =>
        {
            Assert.That(conductor.Ports.Select(p => p.Uuid), Is.EqualTo(new[] { kept.Uuid }));
            Assert.That(conductor.Portgroups, Is.Empty);
        });
    }

    [Test]
    public void UpdatePort_NewMacAndName_FreeTheOldOnes_AndTakeTheNew_AsTheTablesUniqueIndexes()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        var port = conductor.CreatePort(new PortRequest { Node = "n1", Address = "52:54:00:00:00:01", Name = "eth0" });

        conductor.UpdatePort(port.Uuid, PortRequest.From(port) with { Address = "52:54:00:00:00:02", Name = "eth1" });
        var reused = conductor.CreatePort(new PortRequest { Node = "n1", Address = "52:54:00:00:00:01", Name = "eth0" });

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetPort("eth1").Uuid, Is.EqualTo(port.Uuid));
            Assert.That(conductor.GetPort("eth0").Uuid, Is.EqualTo(reused.Uuid));
            Assert.Throws<MacAlreadyExistsException>(() => conductor.CreatePort(new PortRequest { Node = "n1", Address = "52:54:00:00:00:02" }));
            Assert.Throws<PortAlreadyExistsException>(() => conductor.CreatePort(new PortRequest { Node = "n1", Address = "52:54:00:00:00:03", Name = "eth1" }));
        });
    }

    [Test]
    public void DeleteNode_FreesItsPortsMacsAndNames()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        conductor.CreatePort(new PortRequest { Node = "n1", Address = "52:54:00:00:00:01", Name = "eth0" });
        conductor.DeleteNode("n1");
        conductor.Enroll("n2");

        var port = conductor.CreatePort(new PortRequest { Node = "n2", Address = "52:54:00:00:00:01", Name = "eth0" });

        Assert.That(conductor.GetPort("eth0").Uuid, Is.EqualTo(port.Uuid));
    }
}
