using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>Callback timeouts, checked by the periodic tasks every <c>check_provision_state_interval</c> (behaviour spec 7).</summary>
[TestFixture]
public sealed class TimeoutTests
{
    [TestCase(ProvisionState.CleanWait, ProvisionState.CleanFailed, ProvisionState.Available)]
    [TestCase(ProvisionState.WaitCallBack, ProvisionState.DeployFailed, ProvisionState.Active)]
    [TestCase(ProvisionState.RescueWait, ProvisionState.RescueFailed, ProvisionState.Rescue)]
    public void CallbackTimeout_FailsTheWaitState_AtTheFirstCheckAfterIt(ProvisionState wait, ProvisionState failed, ProvisionState target)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", wait, PowerState.PowerOn);

        var atTimeout = conductor.Advance("n", 1800);
        var afterCheck = conductor.Advance("n", 60);

        Assert.Multiple(() =>
        {
            Assert.That(atTimeout.ProvisionState, Is.EqualTo(wait), "the clock must be older than the timeout, not equal");
            Assert.That(afterCheck.ProvisionState, Is.EqualTo(failed));
            Assert.That(afterCheck.TargetProvisionState, Is.EqualTo(target));
            Assert.That(afterCheck.LastError, Does.Contain("Timeout reached"));
            Assert.That(afterCheck.Maintenance, Is.False);
        });
    }

    [Test]
    public void RescueWaitTimeout_PowersTheNodeOff()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.RescueWait, PowerState.PowerOn);

        Assert.That(conductor.Advance("n", 1860).PowerState, Is.EqualTo(PowerState.PowerOff));
    }

    [Test]
    public void CallbackTimeouts_AreSuspendedInMaintenance()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.CleanWait, PowerState.PowerOn, maintenance: true);

        Assert.That(conductor.Advance("n", 7200).ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
    }

    [Test]
    public void CallbackTimeout_AfterMaintenanceIsCleared_FailsAFrozenNodeAtTheNextCheck()
    {
        // Surprise 5 of the behaviour spec: ignored heartbeats never refreshed the clock.
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.CleanWait, PowerState.PowerOn, maintenance: true);
        conductor.Advance("n", 7200);

        conductor.ClearMaintenance("n");

        Assert.That(conductor.Advance("n", 60).ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
    }

    [Test]
    public void TimeoutChecks_FailAtMostPeriodicMaxWorkersNodesPerRun_OldestFirst()
    {
        var conductor = ConductorFixture.Create();
        for (var i = 0; i < 10; i++)
        {
            conductor.Enroll($"n{i}", ProvisionState.CleanWait, PowerState.PowerOn);
        }

        conductor.Clock.Advance(TimeSpan.FromSeconds(1860));
        var failedFirst = conductor.Nodes.Count(n => n.ProvisionState == ProvisionState.CleanFailed);
        conductor.Clock.Advance(TimeSpan.FromSeconds(60));
        var failedThen = conductor.Nodes.Count(n => n.ProvisionState == ProvisionState.CleanFailed);

        Assert.Multiple(() =>
        {
            Assert.That(failedFirst, Is.EqualTo(8));
            Assert.That(failedThen, Is.EqualTo(10));
        });
    }

    [Test]
    public void CleanCallbackTimeoutZero_DisablesTheCheck()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions { CleanCallbackTimeout = TimeSpan.Zero });
        conductor.Enroll("n", ProvisionState.CleanWait, PowerState.PowerOn);

        Assert.That(conductor.Advance("n", 86400).ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
    }

    [Test]
    public void InspectWait_CreatedWithoutAStartTime_NeverTimesOut()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.InspectWait, PowerState.PowerOn);

        Assert.That(conductor.Advance("n", 86400).ProvisionState, Is.EqualTo(ProvisionState.InspectWait));
    }

    [Test]
    public void CleanFailed_FromATimeout_KeepsNoMaintenance_WhenNoStepRan()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.CleanWait, PowerState.PowerOn);

        var node = conductor.Advance("n", 1860);

        Assert.Multiple(() =>
        {
            Assert.That(node.Fault, Is.Null);
            Assert.That(node.Maintenance, Is.False);
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn), "the fake deploy interface has nothing to tear down");
        });
    }
}
