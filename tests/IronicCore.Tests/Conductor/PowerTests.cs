using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>Power actions, power state sync and power failure recovery (behaviour spec 6).</summary>
[TestFixture]
public sealed class PowerTests
{
    [TestCase(PowerState.PowerOn, PowerState.PowerOn)]
    [TestCase(PowerState.Rebooting, PowerState.PowerOn)]
    [TestCase(PowerState.SoftRebooting, PowerState.PowerOn)]
    [TestCase(PowerState.PowerOff, PowerState.PowerOff)]
    [TestCase(PowerState.SoftPowerOff, PowerState.PowerOff)]
    public void PowerAction_SetsTargetAtOnce_AndThePowerStateWhenItsWorkerRuns(PowerState action, PowerState result)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable, PowerState.PowerOn);

        conductor.SetPowerState("n", action);
        var accepted = conductor.GetNode("n");
        conductor.Clock.RunDue();
        var done = conductor.GetNode("n");

        Assert.Multiple(() =>
        {
            Assert.That(accepted.TargetPowerState, Is.EqualTo(result));
            Assert.That(done.PowerState, Is.EqualTo(result));
            Assert.That(done.TargetPowerState, Is.Null);
        });
    }

    [Test]
    public void PowerAction_WithAnUnreachableBmc_IsAccepted_ThenLastErrorSaysWhy()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable, PowerState.PowerOff);
        conductor.GetMachine("n").Reachable = false;

        var node = conductor.Power("n", PowerState.PowerOn);

        Assert.Multiple(() =>
        {
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOff));
            Assert.That(node.TargetPowerState, Is.Null);
            Assert.That(node.LastError, Does.Contain("IPMI call failed"));
        });
    }

    [Test]
    public void PowerTimeout_BelowOneSecond_IsInvalid400_CheckedBeforeTheTarget()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var error = Assert.Throws<InvalidException>(() => conductor.SetPowerState("n", "bogus", TimeSpan.Zero));

        Assert.That(error.HttpStatus, Is.EqualTo(400));
    }

    [Test]
    public void PowerSync_ForcesTheHardwareBackToTheRecordedState()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOff);

        var node = conductor.Advance("n", 120);

        Assert.Multiple(() =>
        {
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(conductor.GetMachine("n").PowerState, Is.EqualTo(PowerState.PowerOn));
        });
    }

    [Test]
    public void PowerSync_WithoutForcing_RecordsWhatTheHardwareSays()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions { ForcePowerStateDuringSync = false });
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOff);

        Assert.That(conductor.Advance("n", 120).PowerState, Is.EqualTo(PowerState.PowerOff));
    }

    [Test]
    public void PowerSync_FirstRunsOneIntervalAfterStart()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOff);

        Assert.Multiple(() =>
        {
            Assert.That(conductor.Advance("n", 119).PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(conductor.GetMachine("n").PowerState, Is.EqualTo(PowerState.PowerOff));
            conductor.Advance("n", 1);
            Assert.That(conductor.GetMachine("n").PowerState, Is.EqualTo(PowerState.PowerOn));
        });
    }

    [Test]
    public void PowerSync_TheFourthConsecutiveFailure_PutsTheNodeInMaintenanceWithPowerFailure()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);
        conductor.GetMachine("n").Reachable = false;

        var afterThree = conductor.Advance("n", 3 * 120);
        var afterFour = conductor.Advance("n", 120);

        Assert.Multiple(() =>
        {
            Assert.That(afterThree.Maintenance, Is.False);
            Assert.That(afterFour.Maintenance, Is.True);
            Assert.That(afterFour.Fault, Is.EqualTo(NodeFault.PowerFailure));
            Assert.That(afterFour.PowerState, Is.Null);
            Assert.That(afterFour.MaintenanceReason, Does.Contain("max retries exceeded"));
            Assert.That(afterFour.LastError, Is.EqualTo(afterFour.MaintenanceReason));
        });
    }

    [Test]
    public void PowerFailureRecovery_ClearsMaintenance_OnceTheBmcAnswers()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);
        conductor.GetMachine("n").Reachable = false;
        conductor.Advance("n", 4 * 120);
        conductor.GetMachine("n").Reachable = true;

        var node = conductor.Advance("n", 300);

        Assert.Multiple(() =>
        {
            Assert.That(node.Maintenance, Is.False);
            Assert.That(node.Fault, Is.Null);
            Assert.That(node.MaintenanceReason, Is.Null);
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
        });
    }

    [Test]
    public void PowerFailureRecovery_NeverClearsMaintenanceAnOperatorSet()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn, maintenance: true);

        Assert.That(conductor.Advance("n", 3600).Maintenance, Is.True);
    }

    [Test]
    public void PowerSync_SkipsNodesInMaintenance()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn, maintenance: true);
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOff);

        Assert.That(conductor.Advance("n", 600).PowerState, Is.EqualTo(PowerState.PowerOn));
    }

    [TestCase(ProvisionState.CleanWait)]
    [TestCase(ProvisionState.WaitCallBack)]
    [TestCase(ProvisionState.Enroll)]
    [TestCase(ProvisionState.AdoptFailed)]
    public void PowerSync_SkipsTheExcludedStates(ProvisionState state)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", state, PowerState.PowerOn);
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOff);

        Assert.That(conductor.Advance("n", 120).PowerState, Is.EqualTo(PowerState.PowerOn));
    }

    [Test]
    public void ForcedSyncCorrections_CountAsFailures_TheFourthEndsInMaintenance()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);
        var machine = conductor.GetMachine("n");

        for (var round = 0; round < 4; round++)
        {
            machine.SetPowerState(PowerState.PowerOff);
            conductor.Clock.Advance(TimeSpan.FromSeconds(120));
        }

        var node = conductor.GetNode("n");
        Assert.Multiple(() =>
        {
            Assert.That(node.Maintenance, Is.True);
            Assert.That(node.Fault, Is.EqualTo(NodeFault.PowerFailure));
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOff));
        });
    }
}
