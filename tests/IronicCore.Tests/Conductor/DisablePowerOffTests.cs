using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Agent;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// Ironic master's <c>disable_power_off</c> (API 1.95): the conductor never powers such a node
/// off; a power-off request is refused, flows that power off to change the boot reboot instead,
/// and power sync records the hardware's state rather than forcing it.
/// </summary>
[TestFixture]
public sealed class DisablePowerOffTests
{
    [TestCase(PowerState.PowerOff)]
    [TestCase(PowerState.SoftPowerOff)]
    public void PowerOffRequest_IsPowerStateFailure409_AndChangesNothing(PowerState target)
    {
        var conductor = ConductorFixture.Create();
        NoPowerOff(conductor, conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn));

        var error = Assert.Throws<PowerStateFailureException>(() => conductor.SetPowerState("n", target));

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatus, Is.EqualTo(409));
            Assert.That(error.Message, Is.EqualTo($"Failed to set node power state to {target.ToIronicName()}."));
            Assert.That(conductor.GetNode("n").TargetPowerState, Is.Null);
            Assert.That(conductor.GetMachine("n").PowerState, Is.EqualTo(PowerState.PowerOn));
        });
    }

    [Test]
    public void RebootRequest_IsAllowed()
    {
        var conductor = ConductorFixture.Create();
        NoPowerOff(conductor, conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn));

        var node = conductor.Power("n", PowerState.Rebooting);

        Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
        Assert.That(node.LastError, Is.Null);
    }

    [Test]
    public void PowerSync_RecordsTheHardwaresState_InsteadOfForcingIt()
    {
        var conductor = ConductorFixture.Create();
        NoPowerOff(conductor, conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn));
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOff);

        var node = conductor.Advance("n", 120);

        Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOff));
        Assert.That(conductor.GetMachine("n").PowerState, Is.EqualTo(PowerState.PowerOff));
    }

    [Test]
    public void InbandCleaning_EndsWithARebootOutOfTheRamdisk_NotPoweredOff()
    {
        var conductor = AgentConductor();
        NoPowerOff(conductor, conductor.GetNode("n"));
        conductor.Provision("n", ApiVerb.Provide);

        var node = conductor.Beat();
        while (node.ProvisionState == ProvisionState.CleanWait)
        {
            node = conductor.Beat();
        }

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(node.LastError, Is.Null);
        });
    }

    [Test]
    public void PostStepReboot_OfAFastTrackedAgent_RebootsWithoutPoweringOffFirst()
    {
        // reboot_to_finish_step powers a fast-tracked agent off only without disable_power_off (2025.1, master).
        var conductor = ConductorFixture.Create(new ConductorOptions { Deploy = new DeployOptions { FastTrack = true } });
        var node = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff,
            AgentCleanSteps = [new("deploy", "erase_devices_metadata", 99, RebootRequested: true), new("deploy", "erase_devices", 10)],
        });
        NoPowerOff(conductor, node);
        conductor.Provision("n", ApiVerb.Provide);
        conductor.Beat();

        var rebooted = conductor.Beat();
        var next = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(rebooted.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(rebooted.LastError, Is.Null);
            Assert.That(next.CleanStep, Is.EqualTo(new StepReference("deploy", "erase_devices")));
        });
    }

    [Test]
    public void RescueWaitTimeout_CannotPowerOff_SoTheCleanUpFails()
    {
        // Without node history, so that the next healthy power sync does not clear last_error.
        var conductor = ConductorFixture.Create(new ConductorOptions { NodeHistory = false });
        NoPowerOff(conductor, conductor.Enroll("n", ProvisionState.RescueWait, PowerState.PowerOn));

        var node = conductor.Advance("n", (int)conductor.Options.RescueCallbackTimeout.TotalSeconds + 120);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.RescueFailed));
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(node.LastError, Is.EqualTo("Rescue operation was unsuccessful, clean up failed for node: Failed to set node power state to power off."));
        });
    }

    private static IronicCore.Conductor AgentConductor()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Release21_4));
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff,
        });
        return conductor;
    }

    private static void NoPowerOff(IronicCore.Conductor conductor, NodeView node) =>
        conductor.UpdateNode(node.Uuid, NodeUpdate.From(node) with { DisablePowerOff = true });
}
