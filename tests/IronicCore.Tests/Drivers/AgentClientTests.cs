using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Drivers;

/// <summary>
/// Ironic's agent client: an agent that cannot be reached fails the heartbeat's operation
/// (AgentConnectionFailed), and where agents take time each of <c>[agent] max_command_attempts</c>
/// attempts first runs into <c>command_timeout</c>, on the node's lock.
/// </summary>
[TestFixture]
public sealed class AgentClientTests
{
    [TestCase(10, 2)]
    [TestCase(60, 3)]
    [TestCase(30, 1)]
    public void Heartbeat_AgentOfAMachineThatIsOff_HoldsTheLockForEachAttemptsTimeout_ThenCleanFailed(int timeoutSeconds, int attempts)
    {
        var conductor = InCleanStep(new AgentOptions { CommandTimeout = TimeSpan.FromSeconds(timeoutSeconds), MaxCommandAttempts = attempts });
        var machine = conductor.GetMachine("n0");
        machine.SetPowerState(PowerState.PowerOff);

        conductor.Heartbeat("n0", machine.AgentCallbackUrl, "9.4.0", conductor.GetAgentToken("n0"));
        conductor.Clock.RunDue();
        var failed = conductor.GetNode("n0");
        conductor.Clock.Advance(TimeSpan.FromSeconds((timeoutSeconds * attempts) - 1));
        var stillLocked = conductor.GetNode("n0").Reservation;
        conductor.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(failed.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(failed.Fault, Is.EqualTo(NodeFault.CleanFailure));
            Assert.That(failed.LastError, Does.StartWith("Node failed to check cleaning progress: Connection to agent failed: Failed to connect to the agent running on node "));
            Assert.That(stillLocked, Is.Not.Null, "every attempt waits command_timeout");
            Assert.That(conductor.GetNode("n0").Reservation, Is.Null);
        });
    }

    [Test]
    public void Heartbeat_AgentOfAMachineThatIsOn_TakesNoTimeoutAndGoesOn()
    {
        var conductor = InCleanStep(new AgentOptions());
        var machine = conductor.GetMachine("n0");

        conductor.Heartbeat("n0", machine.AgentCallbackUrl, "9.4.0", conductor.GetAgentToken("n0"));
        conductor.Clock.RunDue();

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetNode("n0").ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(conductor.GetNode("n0").Reservation, Is.Null);
        });
    }

    /// <summary>A node whose timed agent runs its first clean step (erase_devices_metadata).</summary>
    private static IronicCore.Conductor InCleanStep(AgentOptions agent)
    {
        var options = new ConductorOptions(IronicRelease.Release21_4) { Agent = agent };
        var conductor = new IronicCore.Conductor(options, seed: 3, agents: new AgentBehaviour { StepHangsProbability = 1 });
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n0", DeployInterface = "direct", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff,
        });
        conductor.SetProvisionState("n0", ApiVerb.Provide);
        conductor.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.That(conductor.GetNode("n0").CleanStep?.Step, Is.EqualTo("erase_devices_metadata"), "set-up: a step runs");
        return conductor;
    }
}
