using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Agent;

/// <summary>
/// The hold states of Ironic master (behaviour spec 4, 5.3, 5.4): <c>unhold</c> returns a held
/// node to its wait state, where the agent's next heartbeat carries on; user steps named
/// <c>hold</c>, <c>wait</c>, <c>power_on</c>, <c>power_off</c> or <c>reboot</c> pass validation
/// but are left out of the stored list, as Ironic master does.
/// </summary>
[TestFixture]
public sealed class HoldTests
{
    [TestCase(ProvisionState.CleanHold, ProvisionState.CleanWait, ProvisionState.Available)]
    [TestCase(ProvisionState.DeployHold, ProvisionState.WaitCallBack, ProvisionState.Active)]
    public void Unhold_ReturnsAHeldNodeToItsWaitState(ProvisionState held, ProvisionState wait, ProvisionState target)
    {
        var conductor = Held(held);

        var node = conductor.Provision("n", ApiVerb.Unhold);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(wait));
            Assert.That(node.TargetProvisionState, Is.EqualTo(target));
        });
    }

    /// <summary>Oracle: rules/master/holds (Ironic master's do_next_service_step asserts the node has steps).</summary>
    [Test]
    public void Unhold_OfAServiceHoldWithNoStepsRecorded_ContinuesInAWorker_ThatFailsServicing()
    {
        var conductor = Held(ProvisionState.ServiceHold);

        var node = conductor.Provision("n", ApiVerb.Unhold);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceFailed));
            Assert.That(node.TargetProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(node.Maintenance, Is.False);
            Assert.That(node.LastError, Is.EqualTo(
                $"Unexpected error when processing next service step. AssertionError: BUG: No steps for {node.Uuid}, step index is 0"));
        });
    }

    [Test]
    public void AfterUnhold_TheAgentsNextHeartbeat_CarriesOnWithCleaning()
    {
        var conductor = Held(ProvisionState.CleanHold);
        conductor.Provision("n", ApiVerb.Unhold);

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(node.CleanStep, Is.EqualTo(new StepReference("deploy", "erase_devices_metadata")));
        });
    }

    [TestCase(ProvisionState.CleanHold)]
    [TestCase(ProvisionState.DeployHold)]
    [TestCase(ProvisionState.ServiceHold)]
    public void LookupInAHoldState_IsNotFound_AndTheNodeStaysHeld(ProvisionState held)
    {
        var conductor = Held(held);

        Assert.That(() => conductor.Lookup("n"), Throws.TypeOf<NotFoundException>());
        Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(held), "hold states never time out or move on their own");
    }

    [Test]
    public void Unhold_OutsideAHoldState_IsInvalidStateRequested()
    {
        var conductor = Held(ProvisionState.CleanWait);

        Assert.That(() => conductor.SetProvisionState("n", ApiVerb.Unhold), Throws.TypeOf<InvalidStateRequestedException>());
        Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
    }

    [TestCase("hold")]
    [TestCase("wait")]
    [TestCase("power_on")]
    [TestCase("power_off")]
    [TestCase("reboot")]
    public void ReservedStepName_InManualClean_IsAcceptedAndLeftOut_OnMaster(string reserved)
    {
        var conductor = ConductorFixture.Create(new ConductorOptions());
        conductor.Enroll("n", ProvisionState.Manageable);

        var node = conductor.Provision("n", ApiVerb.Clean, new ProvisionRequest
        {
            CleanSteps = [new StepRequest("deploy", reserved), new StepRequest("bios", "factory_reset")],
        });

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(node.LastError, Is.Null);
            Assert.That(node.Maintenance, Is.False);
        });
    }

    [Test]
    public void ReservedStepName_InManualClean_IsAnUnknownStep_On21_4()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Release21_4));
        conductor.Enroll("n", ProvisionState.Manageable);

        var node = conductor.Provision("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [new StepRequest("deploy", "hold")] });

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(node.LastError, Does.Contain("node does not support this clean step"));
        });
    }

    private static IronicCore.Conductor Held(ProvisionState state)
    {
        var conductor = ConductorFixture.Create(new ConductorOptions());
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = state, PowerState = PowerState.PowerOn,
        });
        return conductor;
    }
}
