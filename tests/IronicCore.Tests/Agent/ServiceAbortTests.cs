using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Agent;

/// <summary>
/// Ironic master's <c>do_node_service_abort</c> decides by <c>driver_internal_info.agent_start_attempted</c>
/// (set by <c>prepare_agent_boot</c>, cleared by a power-off and by the step flows' wipes) whether to
/// power the machine off and on itself around the tear-down, straight through the power interface.
/// Which path ran shows in the history when the BMC does not answer: only <c>node_power_action</c>,
/// the tear-down's own power-off, records a failed power action (oracle: master seeds 0059 and 0989).
/// </summary>
[TestFixture]
public sealed class ServiceAbortTests
{
    [Test]
    public void AbortOfAServiceTheRamdiskWasPreparedFor_PowersOffDirectly_RecordingNoPowerActionFailure()
    {
        var conductor = Active();
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [new StepRequest("deploy", "burnin_cpu")] });
        conductor.Beat();
        conductor.GetMachine("n").Reachable = false;

        var node = conductor.Provision("n", ApiVerb.Abort);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(conductor.GetNodeHistory("n").Select(e => (e.EventType, e.Event)), Is.EqualTo(new[]
            {
                ("servicing", "Failed to tear down service after aborting the operation"),
            }));
        });
    }

    [Test]
    public void AbortOfANodeCreatedInServiceHold_GoesStraightToTheTearDown_WhosePowerActionFailureIsRecorded()
    {
        var conductor = ConductorFixture.Create(new Configuration.ConductorOptions());
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.ServiceHold, PowerState = PowerState.PowerOn,
        });
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOn);
        conductor.GetMachine("n").Reachable = false;

        var node = conductor.Provision("n", ApiVerb.Abort);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(conductor.GetNodeHistory("n").Select(e => e.EventType), Is.EqualTo(new[] { "UNKNOWN", "servicing" }));
        });
    }

    [Test]
    public void APowerOff_ForgetsTheAgentStartAttempt()
    {
        var conductor = Active();
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [new StepRequest("deploy", "burnin_cpu")] });
        var attempted = conductor.NodeAt(0)!.AgentStartAttempted;

        conductor.Power("n", PowerState.PowerOff);

        Assert.Multiple(() =>
        {
            Assert.That(attempted, Is.True);
            Assert.That(conductor.NodeAt(0)!.AgentStartAttempted, Is.False);
        });
    }

    private static IronicCore.Conductor Active()
    {
        var conductor = ConductorFixture.Create(new Configuration.ConductorOptions());
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Active, PowerState = PowerState.PowerOn,
        });
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOn);
        return conductor;
    }
}
