using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Ipmi;

/// <summary>Each BMC fault as the conductor meets it: Ironic's errors, power sync failures, maintenance with fault <c>power failure</c>.</summary>
[TestFixture]
public sealed class BmcFaultTests
{
    [Test]
    public void UnreachableBmc_PowerAction_FailsWithIpmiFailureInLastError_AfterRetryingForCommandRetryTimeout()
    {
        var fixture = new DriverFixture();
        fixture.Enroll("n");
        fixture.Conductor.GetMachine("n").Reachable = false;

        fixture.Conductor.SetPowerState("n", PowerState.PowerOn);
        fixture.RunFor(TimeSpan.FromMinutes(2));

        var commands = fixture.Bmc("n").Commands;
        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").LastError, Does.Contain("IPMI call failed: power status."));
            Assert.That(fixture.Node("n").PowerState, Is.EqualTo(PowerState.PowerOff));
            Assert.That(commands, Has.Count.GreaterThan(1).And.All.Matches<BmcCommandRecord>(c => !c.Answered));
            Assert.That(commands[^1].At - commands[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(50)));
            Assert.That(fixture.Node("n").Reservation, Is.Null);
        });
    }

    [Test]
    public void UnreachableBmc_WithUseIpmitoolRetries_IsNotRetriedByIronic_AsItsErrorIsNotTransient()
    {
        var fixture = new DriverFixture(options: new ConductorOptions { DriverSections = [new IpmiOptions { UseIpmitoolRetries = true }] });
        fixture.Enroll("n");
        fixture.Conductor.GetMachine("n").Reachable = false;

        fixture.Conductor.SetPowerState("n", PowerState.PowerOn);
        fixture.RunFor(TimeSpan.FromMinutes(1));

        Assert.That(fixture.Bmc("n").Commands, Has.Count.EqualTo(1));
    }

    [Test]
    public void UnreachableBmc_PowerSync_FourthConsecutiveFailure_PutsTheNodeInMaintenanceWithPowerFailure()
    {
        var fixture = new DriverFixture();
        fixture.Enroll("n", ProvisionState.Available);
        fixture.Conductor.GetMachine("n").Reachable = false;

        fixture.RunFor(TimeSpan.FromSeconds(3 * 120 + 119));
        var afterThree = fixture.Node("n");
        fixture.RunFor(TimeSpan.FromSeconds(121));
        var afterFour = fixture.Node("n");

        Assert.Multiple(() =>
        {
            Assert.That(afterThree.Maintenance, Is.False);
            Assert.That(afterFour.Maintenance, Is.True);
            Assert.That(afterFour.Fault, Is.EqualTo(NodeFault.PowerFailure));
            Assert.That(afterFour.PowerState, Is.Null);
            Assert.That(afterFour.LastError, Does.Contain("IPMI call failed: power status."));
        });
    }

    [Test]
    public void WrongCredentials_PowerSync_EndsInMaintenanceWithPowerFailure_AndTheSelRecordsTheRefusals()
    {
        var fixture = new DriverFixture();
        fixture.Enroll("n", ProvisionState.Available);
        fixture.Bmc("n").Faults = BmcFault.WrongCredentials;

        fixture.RunFor(TimeSpan.FromMinutes(10));

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").Fault, Is.EqualTo(NodeFault.PowerFailure));
            Assert.That(fixture.Bmc("n").SystemEventLog, Is.Not.Empty.And.All.Contain("authentication failure"));
        });
    }

    [Test]
    public void WrongCredentials_ThenFixed_PowerFailureRecovery_TakesTheNodeOutOfMaintenance()
    {
        var fixture = new DriverFixture();
        fixture.Enroll("n", ProvisionState.Available);
        fixture.Bmc("n").Faults = BmcFault.WrongCredentials;
        fixture.RunFor(TimeSpan.FromMinutes(10));

        fixture.Bmc("n").Faults = BmcFault.None;
        fixture.RunFor(TimeSpan.FromMinutes(10));

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").Maintenance, Is.False);
            Assert.That(fixture.Node("n").Fault, Is.Null);
            Assert.That(fixture.Node("n").PowerState, Is.EqualTo(PowerState.PowerOff));
        });
    }

    [Test]
    public void PowerActionIgnored_PowerOn_IsPowerStateFailure_AfterPowerStateChangeTimeout()
    {
        // 21.4: master's power sync would clear last_error at its next match.
        var fixture = new DriverFixture(options: ConductorOptions.ForRelease(IronicRelease.Release21_4));
        fixture.Enroll("n");
        fixture.Bmc("n").Faults = BmcFault.PowerActionIgnored;

        fixture.Conductor.SetPowerState("n", PowerState.PowerOn);
        fixture.Conductor.Clock.RunDue();
        var working = fixture.Node("n");
        fixture.RunFor(TimeSpan.FromMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(working.Reservation, Is.Not.Null, "the worker holds the lock while it polls");
            Assert.That(fixture.Node("n").LastError, Does.Contain("Failed to set node power state to power on."));
            Assert.That(fixture.Node("n").PowerState, Is.EqualTo(PowerState.PowerOff));
            Assert.That(fixture.Conductor.GetMachine("n").PowerState, Is.Not.EqualTo(PowerState.PowerOn));
            Assert.That(fixture.Bmc("n").SystemEventLog, Has.Some.Contain("power action ignored"));
        });
    }

    [Test]
    public void ResetMidCommand_FailsOneCommand_ThenTheRetriesGetThrough()
    {
        var fixture = new DriverFixture();
        fixture.Enroll("n");
        fixture.Bmc("n").Faults = BmcFault.ResetMidCommand;

        fixture.Conductor.SetPowerState("n", PowerState.PowerOn);
        fixture.RunFor(TimeSpan.FromMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(fixture.Node("n").LastError, Is.Null);
            Assert.That(fixture.Bmc("n").Faults, Is.EqualTo(BmcFault.None), "a reset happens once");
            Assert.That(fixture.Bmc("n").Commands[0].Answered, Is.False);
            Assert.That(fixture.Bmc("n").SystemEventLog, Has.One.Contain("BMC reset"));
        });
    }

    [Test]
    public void SlowBmc_PowerAction_Succeeds_ButHoldsTheNodeLockedForTheBmcsTime()
    {
        var fixture = new DriverFixture();
        fixture.Enroll("n");
        fixture.Bmc("n").Faults = BmcFault.Slow;

        fixture.Conductor.SetPowerState("n", PowerState.PowerOn);
        fixture.RunFor(TimeSpan.FromSeconds(50));
        var during = fixture.Node("n");
        fixture.RunFor(TimeSpan.FromMinutes(5));

        Assert.Multiple(() =>
        {
            Assert.That(during.Reservation, Is.EqualTo(IronicCore.Conductor.DefaultHost));
            Assert.That(fixture.Node("n").Reservation, Is.Null);
            Assert.That(fixture.Node("n").PowerState, Is.EqualTo(PowerState.PowerOn));
        });
    }

    [Test]
    public void FlappingBmc_PowerSync_RidesOutTheSilentSpells_WithinTheRetryTimeout()
    {
        // Answering 45 s, silent 45 s: some of the 2-minute syncs meet a silent spell.
        var fixture = new DriverFixture(new BmcBehaviour { FlapPeriod = TimeSpan.FromSeconds(45), RecordCommands = true });
        fixture.Enroll("n", ProvisionState.Available);
        fixture.Bmc("n").Faults = BmcFault.Flapping;

        fixture.RunFor(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").Maintenance, Is.False);
            Assert.That(fixture.Bmc("n").Commands, Has.Some.Matches<BmcCommandRecord>(c => !c.Answered));
            Assert.That(fixture.Bmc("n").Commands, Has.Some.Matches<BmcCommandRecord>(c => c.Answered));
        });
    }

    [Test]
    public void InstantBmc_PowerAction_FinishesWithinTheRequestsWorker()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant);
        fixture.Enroll("n");

        fixture.Conductor.SetPowerState("n", PowerState.Rebooting);
        fixture.Conductor.Clock.RunDue();

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(fixture.Node("n").Reservation, Is.Null);
        });
    }
}
