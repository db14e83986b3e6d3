using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// Power sync passes over the nodes whose last sync found nothing to do (behaviour spec 6): a
/// change behind the conductor's back after any number of such passes is still seen at the next.
/// </summary>
[TestFixture]
public sealed class PowerSyncQuietTests
{
    [Test]
    public void PowerSync_AfterPassesThatFoundNothing_StillForcesBackAMachineTurnedOff()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);
        conductor.Enroll("other", ProvisionState.Active, PowerState.PowerOn);
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOn);
        conductor.Advance("n", 600);

        conductor.GetMachine("n").SetPowerState(PowerState.PowerOff);
        var node = conductor.Advance("n", 120);

        Assert.Multiple(() =>
        {
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(conductor.GetMachine("n").PowerState, Is.EqualTo(PowerState.PowerOn));
        });
    }

    [Test]
    public void PowerSync_AfterPassesThatFoundNothing_StillCountsABmcThatStopsAnswering()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);
        conductor.Advance("n", 600);

        conductor.GetMachine("n").Reachable = false;
        var afterFour = conductor.Advance("n", 4 * 120);

        Assert.Multiple(() =>
        {
            Assert.That(afterFour.Maintenance, Is.True);
            Assert.That(afterFour.Fault, Is.EqualTo(NodeFault.PowerFailure));
        });
    }

    [Test]
    public void PowerSync_AfterPassesThatFoundNothing_StillRecordsAPowerStateTheConductorLost()
    {
        var conductor = ConductorFixture.Create(new IronicCore.Configuration.ConductorOptions { ForcePowerStateDuringSync = false });
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOn);
        conductor.Advance("n", 600);

        conductor.GetMachine("n").SetPowerState(PowerState.PowerOff);

        Assert.That(conductor.Advance("n", 120).PowerState, Is.EqualTo(PowerState.PowerOff));
    }
}
