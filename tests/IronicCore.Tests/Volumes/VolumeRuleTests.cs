using System.Text.Json;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Tests.Conductor;
using IronicCore.Volumes;

namespace IronicCore.Tests.Volumes;

/// <summary>
/// Volume connectors and targets with Ironic's rules: unique keys (a connector's type and ID, a
/// target's boot index on its node), changes only to a powered-off node under its lock
/// (<c>update_volume_*</c>), deletion also in <c>DELETE_ALLOWED_STATES</c> (<c>destroy_volume_*</c>),
/// and gone with their node (<c>destroy_node</c>).
/// </summary>
[TestFixture]
public sealed class VolumeRuleTests
{
    private static (IronicCore.Conductor Conductor, VolumeConnectorView Connector, VolumeTargetView Target) WithVolumes(ProvisionState state, PowerState power)
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1", state, power);
        var connector = conductor.CreateVolumeConnector(new VolumeConnectorRequest { NodeUuid = node.Uuid, Type = "iqn", ConnectorId = "iqn.2017-07.org:01" });
        var target = conductor.CreateVolumeTarget(new VolumeTargetRequest { NodeUuid = node.Uuid, VolumeType = "iscsi", VolumeId = "vol-1", BootIndex = 0 });
        return (conductor, connector, target);
    }

    [Test]
    public void AConnectorTypeAndIdTaken_OnAnyNode_IsVolumeConnectorTypeAndIdAlreadyExists()
    {
        var (conductor, connector, _) = WithVolumes(ProvisionState.Manageable, PowerState.PowerOff);
        var other = conductor.Enroll("n2");

        Assert.That(
            () => conductor.CreateVolumeConnector(VolumeConnectorRequest.From(connector) with { NodeUuid = other.Uuid }),
            Throws.TypeOf<VolumeConnectorTypeAndIdAlreadyExistsException>().With.Message.EqualTo(
                "A volume connector with type iqn and connector ID iqn.2017-07.org:01 already exists."));
    }

    [Test]
    public void BothKeysTaken_TheUniqueFieldsAreReportedBeforeTheUuid_AsIronicsDatabaseDoes()
    {
        var (conductor, connector, target) = WithVolumes(ProvisionState.Manageable, PowerState.PowerOff);

        Assert.That(() => conductor.CreateVolumeConnector(VolumeConnectorRequest.From(connector), connector.Uuid), Throws.TypeOf<VolumeConnectorTypeAndIdAlreadyExistsException>());
        Assert.That(() => conductor.CreateVolumeTarget(VolumeTargetRequest.From(target), target.Uuid), Throws.TypeOf<VolumeTargetBootIndexAlreadyExistsException>());
        Assert.That(
            () => conductor.CreateVolumeTarget(VolumeTargetRequest.From(target) with { BootIndex = 1 }, target.Uuid),
            Throws.TypeOf<VolumeTargetAlreadyExistsException>().With.Message.EqualTo($"A volume target with UUID {target.Uuid} already exists."));
    }

    [Test]
    public void ABootIndexTaken_OnTheSameNodeOnly_IsVolumeTargetBootIndexAlreadyExists()
    {
        var (conductor, _, target) = WithVolumes(ProvisionState.Manageable, PowerState.PowerOff);
        var other = conductor.Enroll("n2");

        Assert.That(
            () => conductor.CreateVolumeTarget(VolumeTargetRequest.From(target) with { VolumeId = "vol-2" }),
            Throws.TypeOf<VolumeTargetBootIndexAlreadyExistsException>().With.Message.EqualTo("A volume target with boot index '0' for the same node already exists."));
        Assert.That(conductor.CreateVolumeTarget(VolumeTargetRequest.From(target) with { NodeUuid = other.Uuid }).BootIndex, Is.Zero);
    }

    [Test]
    public void AnUpdate_OfAPoweredOnNodesConnector_IsInvalidStateRequested_AndChangesNothing()
    {
        var (conductor, connector, _) = WithVolumes(ProvisionState.Manageable, PowerState.PowerOn);

        Assert.That(
            () => conductor.UpdateVolumeConnector(connector.Uuid, VolumeConnectorRequest.From(connector) with { ConnectorId = "iqn.2017-07.org:02" }),
            Throws.TypeOf<InvalidStateRequestedException>().With.Message.EqualTo(
                $"The requested action \"volume connector update\" can not be performed on node \"{connector.NodeUuid}\" while it is in state \"power on\"."));
        Assert.That(conductor.GetVolumeConnector(connector.Uuid).ConnectorId, Is.EqualTo("iqn.2017-07.org:01"));
    }

    [Test]
    public void AnUpdate_OfAPoweredOffNodesTarget_IsStored_WithUpdatedAt()
    {
        var (conductor, _, target) = WithVolumes(ProvisionState.Active, PowerState.PowerOff);
        conductor.Clock.Advance(TimeSpan.FromSeconds(30));

        var updated = conductor.UpdateVolumeTarget(target.Uuid, VolumeTargetRequest.From(target) with { Properties = JsonElement.Parse("""{"lun": 1}""") });

        Assert.That((updated.Properties.GetRawText(), updated.UpdatedAt), Is.EqualTo(("""{"lun": 1}""", (DateTimeOffset?)conductor.Clock.GetUtcNow())));
    }

    [TestCase(ProvisionState.Manageable, PowerState.PowerOn, true)]
    [TestCase(ProvisionState.Enroll, PowerState.PowerOn, true)]
    [TestCase(ProvisionState.Active, PowerState.PowerOff, true)]
    [TestCase(ProvisionState.Active, PowerState.PowerOn, false)]
    [TestCase(ProvisionState.Available, PowerState.PowerOn, false)]
    public void Deletion_NeedsTheNodePoweredOff_OutsideTheStatesANodeMayBeDeletedIn(ProvisionState state, PowerState power, bool allowed)
    {
        var (conductor, connector, target) = WithVolumes(state, power);

        if (allowed)
        {
            conductor.DeleteVolumeConnector(connector.Uuid);
            conductor.DeleteVolumeTarget(target.Uuid);
            Assert.That(conductor.VolumeConnectors.Length + conductor.VolumeTargets.Length, Is.Zero);
        }
        else
        {
            Assert.That(() => conductor.DeleteVolumeTarget(target.Uuid), Throws.TypeOf<InvalidStateRequestedException>().With.Message.Contains("\"volume target deletion\""));
            Assert.That(conductor.VolumeTargets, Has.Length.EqualTo(1));
        }
    }

    [Test]
    public void DeletingTheNode_DeletesItsConnectorsAndTargets()
    {
        var (conductor, _, _) = WithVolumes(ProvisionState.Manageable, PowerState.PowerOff);

        conductor.DeleteNode("n1");

        Assert.That(conductor.VolumeConnectors.Length + conductor.VolumeTargets.Length, Is.Zero);
    }

    [Test]
    public void ALockedNode_RefusesChanges_NodeLocked()
    {
        var (conductor, connector, _) = WithVolumes(ProvisionState.Manageable, PowerState.PowerOff);
        conductor.ReserveElsewhere("n1");

        Assert.That(() => conductor.DeleteVolumeConnector(connector.Uuid), Throws.TypeOf<NodeLockedException>());
        Assert.That(() => conductor.UpdateVolumeConnector(connector.Uuid, VolumeConnectorRequest.From(connector)), Throws.TypeOf<NodeLockedException>());
    }

    [TestCase("iscsi", null, "Node {0} has an iSCSI boot volume defined and no iSCSI boot support available.")]
    [TestCase("fibre_channel", "iscsi_boot:True", "Node {0} has a Fibre Channel boot volume defined and no Fibre Channel boot support available.")]
    [TestCase("iscsi", "iscsi_boot", "Malformed capabilities value: iscsi_boot")]
    public void ADirectDeploy_OfANodeThatCannotBootItsBootVolume_FailsInPrepare(string volumeType, string? capabilities, string error)
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n1", DeployInterface = "direct", ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff,
            Properties = capabilities is null ? default : JsonElement.Parse($$"""{"capabilities": "{{capabilities}}"}"""),
        });
        conductor.CreateVolumeTarget(new VolumeTargetRequest { NodeUuid = node.Uuid, VolumeType = volumeType, VolumeId = "vol-1", BootIndex = 0 });

        var deployed = conductor.Provision("n1", ApiVerb.Active);

        Assert.That((deployed.ProvisionState, deployed.LastError), Is.EqualTo((ProvisionState.DeployFailed, $"Failed to prepare to deploy: {string.Format(System.Globalization.CultureInfo.InvariantCulture, error, node.Uuid)}")));
    }

    [TestCase("iscsi", "iscsi_boot:True", 0)]
    [TestCase("iscsi", null, 1)]
    public void ADirectDeploy_WithABootableOrNoBootVolume_GoesOn(string volumeType, string? capabilities, int bootIndex)
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n1", DeployInterface = "direct", ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff,
            Properties = capabilities is null ? default : JsonElement.Parse($$"""{"capabilities": "{{capabilities}}"}"""),
        });
        conductor.CreateVolumeTarget(new VolumeTargetRequest { NodeUuid = node.Uuid, VolumeType = volumeType, VolumeId = "vol-1", BootIndex = bootIndex });

        Assert.That(conductor.Provision("n1", ApiVerb.Active).ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack));
    }

    [Test]
    public void ACreateForAMissingNode_IsNodeNotFound()
    {
        var conductor = ConductorFixture.Create();

        Assert.That(
            () => conductor.CreateVolumeConnector(new VolumeConnectorRequest { NodeUuid = Guid.Empty.ToString(), Type = "ip", ConnectorId = "10.0.0.1" }),
            Throws.TypeOf<NodeNotFoundException>());
    }
}
