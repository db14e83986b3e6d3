using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>The rows of Ironic's maintenance table (behaviour spec 3.2 and 3.3), and the two seed policies.</summary>
[TestFixture]
public sealed class MaintenanceTests
{
    [TestCase(ProvisionState.Enroll, ApiVerb.Manage, ProvisionState.Manageable)]
    [TestCase(ProvisionState.Manageable, ApiVerb.Inspect, ProvisionState.Manageable)]
    [TestCase(ProvisionState.Manageable, ApiVerb.Adopt, ProvisionState.Active)]
    [TestCase(ProvisionState.Available, ApiVerb.Manage, ProvisionState.Manageable)]
    [TestCase(ProvisionState.Active, ApiVerb.Deleted, ProvisionState.Available)]
    [TestCase(ProvisionState.CleanWait, ApiVerb.Abort, ProvisionState.CleanFailed)]
    [TestCase(ProvisionState.RescueWait, ApiVerb.Abort, ProvisionState.RescueFailed)]
    [TestCase(ProvisionState.Manageable, ApiVerb.Provide, ProvisionState.Available)]
    public void InMaintenance_TheseVerbsAreAllowed(ProvisionState from, ApiVerb verb, ProvisionState expected)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", from, maintenance: true);

        var node = conductor.Provision("n", verb);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(expected));
            Assert.That(node.Maintenance, Is.True, "maintenance set by an operator is never cleared automatically");
        });
    }

    [TestCase(ProvisionState.Manageable, ApiVerb.Clean, "cleaning")]
    [TestCase(ProvisionState.Available, ApiVerb.Active, "provisioning")]
    [TestCase(ProvisionState.Available, ApiVerb.Deploy, "provisioning")]
    [TestCase(ProvisionState.Active, ApiVerb.Rebuild, "provisioning")]
    [TestCase(ProvisionState.Active, ApiVerb.Rescue, "rescuing")]
    [TestCase(ProvisionState.Rescue, ApiVerb.Unrescue, "unrescuing")]
    [TestCase(ProvisionState.Manageable, ApiVerb.Active, "provisioning")]
    public void InMaintenance_TheseVerbsAreNodeInMaintenance400_NamingTheOperation(ProvisionState from, ApiVerb verb, string operation)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", from, maintenance: true);
        var before = NodeSnapshot.Of(conductor.GetNode("n"));

        var error = Assert.Throws<NodeInMaintenanceException>(() => conductor.SetProvisionState("n", verb, Fields(verb)));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(400));
            Assert.That(error.Operation, Is.EqualTo(operation));
            Assert.That(NodeSnapshot.Of(conductor.GetNode("n")), Is.EqualTo(before));
        });
    }

    [Test]
    public void InMaintenance_DeployOnAManageableNode_IsInvalidStateRequested_WhileActiveIsNodeInMaintenance()
    {
        // The API checks maintenance first for active and rebuild only; deploy meets the state check first.
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable, maintenance: true);

        Assert.Multiple(() =>
        {
            Assert.That(() => conductor.SetProvisionState("n", ApiVerb.Deploy), Throws.TypeOf<InvalidStateRequestedException>());
            Assert.That(() => conductor.SetProvisionState("n", ApiVerb.Active), Throws.TypeOf<NodeInMaintenanceException>());
        });
    }

    [Test]
    public void InMaintenance_CleanFromCleanWait_IsInvalidStateRequested_TheStateCheckWins()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.CleanWait, maintenance: true);

        Assert.That(
            () => conductor.SetProvisionState("n", ApiVerb.Clean, Fields(ApiVerb.Clean)),
            Throws.TypeOf<InvalidStateRequestedException>());
    }

    [Test]
    public void ProvideInMaintenance_IsRefused_WhenAllowProvisioningInMaintenanceIsOff()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions { AllowProvisioningInMaintenance = false });
        conductor.Enroll("n", ProvisionState.Manageable, maintenance: true);

        var error = Assert.Throws<NodeInMaintenanceException>(() => conductor.SetProvisionState("n", ApiVerb.Provide));

        Assert.That(error.Operation, Is.EqualTo("providing"));
    }

    [Test]
    public void UndeployInMaintenance_WithAllowProvisioningInMaintenanceOff_FailsTheCleaningAtOnce()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions { AllowProvisioningInMaintenance = false });
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn, maintenance: true);

        var node = conductor.Provision("n", ApiVerb.Deleted);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(node.TargetProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(node.LastError, Does.Contain("maintenance"));
            Assert.That(node.Fault, Is.Null, "no step ran, so no clean failure fault");
        });
    }

    [TestCase(ProvisionState.Cleaning)]
    [TestCase(ProvisionState.CleanWait)]
    public void PowerActions_InCleaning_AreInvalidStateRequested(ProvisionState state)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", state, maintenance: true);

        Assert.That(() => conductor.SetPowerState("n", PowerState.PowerOn), Throws.TypeOf<InvalidStateRequestedException>());
    }

    [Test]
    public void PowerActions_InMaintenance_AreAllowed()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable, maintenance: true);

        Assert.That(conductor.Power("n", PowerState.PowerOn).PowerState, Is.EqualTo(PowerState.PowerOn));
    }

    [Test]
    public void SetMaintenance_InAnyState_KeepsAConductorFault_AndClearingRemovesReasonAndFault()
    {
        var conductor = ConductorFixture.Create();
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", ProvisionState = ProvisionState.Active, PowerState = PowerState.PowerOn,
            Maintenance = true, MaintenanceReason = "sync", Fault = NodeFault.PowerFailure,
        });

        conductor.SetMaintenance("n", "operator looks");
        var set = conductor.GetNode("n");
        conductor.ClearMaintenance("n");
        var cleared = conductor.GetNode("n");

        Assert.Multiple(() =>
        {
            Assert.That(set.MaintenanceReason, Is.EqualTo("operator looks"));
            Assert.That(set.Fault, Is.EqualTo(NodeFault.PowerFailure));
            Assert.That(cleared.Maintenance, Is.False);
            Assert.That(cleared.MaintenanceReason, Is.Null);
            Assert.That(cleared.Fault, Is.Null);
        });
    }

    [Test]
    public void SetMaintenance_OnANodeInCleanWait_IsAccepted()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.CleanWait);

        conductor.SetMaintenance("n", "disk smart errors");

        Assert.That(conductor.GetNode("n").Maintenance, Is.True);
    }

    [Test]
    public void FailCleaningPolicy_FailsCleaningOfANodeInMaintenance_AndManageBringsItToManageable()
    {
        var conductor = ConductorFixture.Create(policy: FailCleaningInMaintenancePolicy.Instance);
        conductor.Enroll("n", ProvisionState.Manageable, maintenance: true);

        var failed = conductor.Provision("n", ApiVerb.Provide);
        var managed = conductor.Provision("n", ApiVerb.Manage);

        Assert.Multiple(() =>
        {
            Assert.That(failed.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(managed.ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(managed.Maintenance, Is.True);
        });
    }

    [Test]
    public void FailCleaningPolicy_FreezesNoCleanWaitHeartbeat_ButKeepsIronicsRuleElsewhere()
    {
        var policy = FailCleaningInMaintenancePolicy.Instance;
        var conductor = ConductorFixture.Create();
        var cleanWait = conductor.Enroll("a", ProvisionState.CleanWait, maintenance: true);
        var waitCallBack = conductor.Enroll("b", ProvisionState.WaitCallBack, maintenance: true);

        Assert.Multiple(() =>
        {
            Assert.That(policy.FreezesOnHeartbeat(cleanWait, conductor.Options), Is.False);
            Assert.That(policy.FreezesOnHeartbeat(waitCallBack, conductor.Options), Is.True);
        });
    }

    [Test]
    public void AllowManualCleaningPolicy_CleansAManageableNodeInMaintenance()
    {
        var conductor = ConductorFixture.Create(policy: AllowManualCleaningInMaintenancePolicy.Instance);
        conductor.Enroll("n", ProvisionState.Manageable, maintenance: true);

        var node = conductor.Provision("n", ApiVerb.Clean, Fields(ApiVerb.Clean));

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(node.LastError, Is.Null);
            Assert.That(node.Maintenance, Is.True);
        });
    }

    [Test]
    public void AllowManualCleaningPolicy_StillRefusesDeployInMaintenance()
    {
        var conductor = ConductorFixture.Create(policy: AllowManualCleaningInMaintenancePolicy.Instance);
        conductor.Enroll("n", ProvisionState.Available, maintenance: true);

        Assert.That(() => conductor.SetProvisionState("n", ApiVerb.Active), Throws.TypeOf<NodeInMaintenanceException>());
    }

    private static ProvisionRequest Fields(ApiVerb verb) => verb switch
    {
        ApiVerb.Clean => new ProvisionRequest { CleanSteps = [new("bios", "factory_reset")] },
        ApiVerb.Rescue => new ProvisionRequest { RescuePassword = "secret" },
        _ => ProvisionRequest.None,
    };
}
