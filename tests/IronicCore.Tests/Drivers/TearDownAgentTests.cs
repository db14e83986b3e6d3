using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Drivers.Fake;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Drivers;

/// <summary>
/// The direct deploy's <c>tear_down_agent</c> (Ironic's agent_base): after asking the agent to power
/// the machine off it reads the power state up to <c>[agent] post_deploy_get_power_state_retries</c>
/// more times, <c>post_deploy_get_power_state_retry_interval</c> apart, and forces the power off
/// through the BMC only when the machine never read as off. With <c>driver_info.deploy_forces_oob_reboot</c>
/// (oslo's true words) it asks the agent only to sync and powers off through the BMC.
/// </summary>
[TestFixture]
public sealed class TearDownAgentTests
{
    [TestCase(6, 7)]
    [TestCase(2, 3)]
    [TestCase(0, 1)]
    [TestCase(-1, 1)]
    public void MachineThatStaysOn_IsReadRetriesPlusOneTimes_ThenPoweredOffThroughTheBmc(int retries, int reads)
    {
        var (conductor, power) = ReadyToTearDownTheAgent(new AgentOptions(IronicRelease.Release21_4) { PostDeployGetPowerStateRetries = retries });
        power.ReadsOn = int.MaxValue;

        Heartbeat(conductor);

        Assert.Multiple(() =>
        {
            // node_power_action reads the power once more before it acts (_can_skip_state_change).
            Assert.That(power.Calls.TakeWhile(c => c == "get").Count(), Is.EqualTo(reads + 1));
            Assert.That(power.Calls.ElementAtOrDefault(reads + 1), Is.EqualTo("set power off"), "then forced off");
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Active));
        });
    }

    [Test]
    public void MachineThatGoesOffWithinTheRetries_IsNotForcedOff()
    {
        var (conductor, power) = ReadyToTearDownTheAgent(new AgentOptions(IronicRelease.Release21_4) { PostDeployGetPowerStateRetries = 6 });
        power.ReadsOn = 2;

        Heartbeat(conductor);

        Assert.Multiple(() =>
        {
            Assert.That(power.Calls.TakeWhile(c => c == "get").Count(), Is.GreaterThanOrEqualTo(3));
            Assert.That(power.Calls, Does.Not.Contain("set power off"));
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Active));
        });
    }

    [TestCase("True")]
    [TestCase("yes")]
    [TestCase(" 1 ")]
    public void DeployForcesOobReboot_PowersOffThroughTheBmc_WithoutReadingTheMachineFirst(string value)
    {
        var (conductor, power) = ReadyToTearDownTheAgent(new AgentOptions(IronicRelease.Release21_4), value);
        power.ReadsOn = 0;

        Heartbeat(conductor);

        Assert.Multiple(() =>
        {
            // The agent did not power the machine off: node_power_action reads it on, then sets it off.
            Assert.That(power.Calls.Take(2), Is.EqualTo(new[] { "get", "set power off" }));
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Active));
        });
    }

    [TestCase("maybe")]
    [TestCase("False")]
    public void DeployForcesOobReboot_NotATrueWord_LeavesThePowerOffToTheAgent(string value)
    {
        var (conductor, power) = ReadyToTearDownTheAgent(new AgentOptions(IronicRelease.Release21_4), value);

        Heartbeat(conductor);

        Assert.Multiple(() =>
        {
            Assert.That(power.Calls, Does.Not.Contain("set power off"));
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Active));
        });
    }

    [Test]
    public void TimedAgents_WaitTheIntervalBetweenReads_OnTheNodesLock()
    {
        var options = new AgentOptions(IronicRelease.Release21_4) { PostDeployGetPowerStateRetries = 4, PostDeployGetPowerStateRetryInterval = TimeSpan.FromSeconds(10) };
        var (conductor, power) = ReadyToTearDownTheAgent(options);
        conductor.GetMachine("n").Agent.Timed = true;
        conductor.SetAgentResult("n", IronicCore.Agent.AgentCommandStatus.Succeeded);
        power.ReadsOn = int.MaxValue;

        Heartbeat(conductor);
        var during = conductor.GetNode("n").Reservation;
        conductor.Clock.Advance(TimeSpan.FromSeconds(40));

        Assert.Multiple(() =>
        {
            Assert.That(during, Is.Not.Null, "four waits of 10 s between five reads");
            Assert.That(conductor.GetNode("n").Reservation, Is.Null);
        });
    }

    private static void Heartbeat(IronicCore.Conductor conductor)
    {
        conductor.Heartbeat("n", conductor.GetMachine("n").AgentCallbackUrl, "9.4.0", conductor.GetAgentToken("n") ?? conductor.Lookup("n"));
        conductor.Clock.RunDue();
    }

    /// <summary>A node deploying with the direct interface, its image written: its next heartbeat tears the agent down.</summary>
    private static (IronicCore.Conductor Conductor, RecordingPower Power) ReadyToTearDownTheAgent(AgentOptions agent, string? deployForcesOobReboot = null)
    {
        var conductor = new IronicCore.Conductor(new ConductorOptions(IronicRelease.Release21_4) { Agent = agent }, seed: 17);
        var power = new RecordingPower();
        conductor.RegisterHardwareType("recorded", _ => new HardwareType("recorded", power, NoopManagement.Instance, FakeBoot.Instance));
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", Driver = "recorded", DeployInterface = "direct", ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff,
            DriverInfo = deployForcesOobReboot is null
                ? System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty
                : System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("deploy_forces_oob_reboot", deployForcesOobReboot),
        });
        conductor.SetProvisionState("n", ApiVerb.Active);
        conductor.Clock.RunDue();
        Heartbeat(conductor);
        Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack), "set-up: write_image sent");
        power.Calls.Clear();
        return (conductor, power);
    }

    /// <summary>The fake power interface, recording its calls; it reads "on" for the first <see cref="ReadsOn"/> reads.</summary>
    private sealed class RecordingPower : IPowerInterface
    {
        public int ReadsOn { get; set; }

        public List<string> Calls { get; } = [];

        public string Name => "fake";

        public IReadOnlyList<PowerState> SupportedPowerStates => FakePower.Instance.SupportedPowerStates;

        public void Validate(DriverTask task)
        {
        }

        public PowerState? GetPowerState(DriverTask task)
        {
            Calls.Add("get");
            if (ReadsOn > 0)
            {
                ReadsOn--;
                return PowerState.PowerOn;
            }

            return FakePower.Instance.GetPowerState(task);
        }

        public void SetPowerState(DriverTask task, PowerState target, TimeSpan? timeout = null)
        {
            Calls.Add($"set {target.ToIronicName()}");
            FakePower.Instance.SetPowerState(task, target, timeout);
        }
    }
}
