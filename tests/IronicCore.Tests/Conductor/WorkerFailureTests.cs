using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// Ironic's rule that a failed power action is the caller's to handle: every worker and heartbeat
/// entry point, with the power interface failing at each of its calls in turn (only that call,
/// or that call and every one after it), leaves the node in a stable, wait or failure state, never
/// in a transitional one; in 21.4 a failure state always says why in <c>last_error</c>.
/// </summary>
[TestFixture]
public sealed class WorkerFailureTests
{
    /// <summary>What a worker must never leave a node in once it has run.</summary>
    private static readonly ImmutableHashSet<ProvisionState> Transitional =
    [
        ProvisionState.Cleaning, ProvisionState.Deploying, ProvisionState.Deleting, ProvisionState.Rescuing,
        ProvisionState.Unrescuing, ProvisionState.Verifying, ProvisionState.Inspecting, ProvisionState.Adopting,
        ProvisionState.Servicing,
    ];

    private static readonly ImmutableHashSet<ProvisionState> Failed =
    [
        ProvisionState.CleanFailed, ProvisionState.DeployFailed, ProvisionState.Error, ProvisionState.RescueFailed,
        ProvisionState.UnrescueFailed, ProvisionState.InspectFailed, ProvisionState.ServiceFailed,
    ];

    private static readonly StepDefinition RebootingStep = new("deploy", "erase_devices_metadata", 99, RebootRequested: true);

    /// <summary>Each flow: the node's starting state and what operators and the agent then do.</summary>
    private static readonly (string Name, ProvisionState Start, PowerState Power, Action<IronicCore.Conductor>[] Steps)[] Flows =
    [
        ("verify", ProvisionState.Enroll, PowerState.PowerOff, [c => c.SetProvisionState("n", ApiVerb.Manage)]),
        ("automated clean", ProvisionState.Manageable, PowerState.PowerOff,
            [c => c.SetProvisionState("n", ApiVerb.Provide), Heartbeat, Heartbeat, Heartbeat, Heartbeat]),
        ("manual clean", ProvisionState.Manageable, PowerState.PowerOn,
            [c => c.SetProvisionState("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [new StepRequest("deploy", "erase_devices_metadata")] }), Heartbeat, Heartbeat]),
        ("clean step reboot", ProvisionState.Manageable, PowerState.PowerOff,
            [c => c.SetProvisionState("n", ApiVerb.Provide), Heartbeat, Heartbeat, Heartbeat, Heartbeat]),
        ("clean abort", ProvisionState.Manageable, PowerState.PowerOff,
            [c => c.SetProvisionState("n", ApiVerb.Provide), Heartbeat, c => c.SetAgentResult("n", IronicCore.Agent.AgentCommandStatus.Running, null), c => c.SetProvisionState("n", ApiVerb.Abort)]),
        ("clean wait timeout", ProvisionState.Manageable, PowerState.PowerOff,
            [c => c.SetProvisionState("n", ApiVerb.Provide), c => c.Clock.Advance(TimeSpan.FromHours(1))]),
        ("deploy", ProvisionState.Available, PowerState.PowerOff,
            [c => c.SetProvisionState("n", ApiVerb.Active), Heartbeat, Heartbeat, Heartbeat]),
        ("deploy abort by undeploy", ProvisionState.Available, PowerState.PowerOff,
            [c => c.SetProvisionState("n", ApiVerb.Active), c => c.SetProvisionState("n", ApiVerb.Deleted), Heartbeat, Heartbeat, Heartbeat]),
        ("undeploy", ProvisionState.Active, PowerState.PowerOn,
            [c => c.SetProvisionState("n", ApiVerb.Deleted), Heartbeat, Heartbeat, Heartbeat]),
        ("rebuild", ProvisionState.Active, PowerState.PowerOn, [c => c.SetProvisionState("n", ApiVerb.Rebuild), Heartbeat, Heartbeat]),
        ("rescue", ProvisionState.Active, PowerState.PowerOn,
            [c => c.SetProvisionState("n", ApiVerb.Rescue, new ProvisionRequest { RescuePassword = "secret" }), Heartbeat, c => c.SetProvisionState("n", ApiVerb.Unrescue)]),
        ("rescue wait timeout", ProvisionState.Active, PowerState.PowerOn,
            [c => c.SetProvisionState("n", ApiVerb.Rescue, new ProvisionRequest { RescuePassword = "secret" }), c => c.Clock.Advance(TimeSpan.FromHours(1))]),
        ("power requests", ProvisionState.Active, PowerState.PowerOn,
            [c => c.SetPowerState("n", PowerState.Rebooting), c => c.SetPowerState("n", PowerState.PowerOff), c => c.SetPowerState("n", PowerState.PowerOn), c => c.Clock.Advance(TimeSpan.FromMinutes(5))]),
        ("machine off behind the conductor", ProvisionState.Manageable, PowerState.PowerOff,
            [c => c.SetProvisionState("n", ApiVerb.Provide), Heartbeat, c => c.GetMachine("n").SetPowerState(PowerState.PowerOff), Heartbeat]),
        ("service", ProvisionState.Active, PowerState.PowerOn,
            [c => c.SetProvisionState("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [new StepRequest("deploy", "burnin_cpu")] }), Heartbeat, Heartbeat, Heartbeat]),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from release in new[] { IronicRelease.Release21_4, IronicRelease.Master }
        from flow in Flows
        where flow.Name != "service" || release == IronicRelease.Master
        from failFromThenOn in new[] { false, true }
        select new TestCaseData(release, flow.Name, failFromThenOn).SetName(
            $"Worker_{release.ToIronicName()}_{flow.Name.Replace(' ', '_')}_{(failFromThenOn ? "EveryCallFromTheNth" : "OnlyTheNthCall")}_NeverLeftInATransitionalState");

    [TestCaseSource(nameof(Cases))]
    public void PowerFailureAtEachCall_LeavesNoTransitionalState(IronicRelease release, string flowName, bool failFromThenOn)
    {
        var flow = Flows.Single(f => f.Name == flowName);
        for (var failAt = 1; ; failAt++)
        {
            var (conductor, power) = Build(release, flow.Start, flow.Power, flow.Name == "clean step reboot");
            power.FailAt = failAt;
            power.FailFromThenOn = failFromThenOn;
            foreach (var step in flow.Steps)
            {
                try
                {
                    step(conductor);
                }
                catch (IronicException)
                {
                    // A refused request or heartbeat changes nothing: the next step goes on.
                }

                conductor.Clock.RunDue();
                var node = conductor.GetNode("n");
                Assert.That(Transitional, Does.Not.Contain(node.ProvisionState), $"{flowName}: power call {failAt} failed, left {node.ProvisionState}");
                // Master's power sync clears last_error once the power is as expected, so later steps may find none.
                if (Failed.Contains(node.ProvisionState) && release == IronicRelease.Release21_4)
                {
                    Assert.That(node.LastError, Is.Not.Null, $"{flowName}: power call {failAt} failed, {node.ProvisionState} without last_error");
                }
            }

            if (power.Calls < failAt)
            {
                Assert.That(failAt, Is.GreaterThan(1), "the flow makes at least one power call");
                return;
            }
        }
    }

    private static void Heartbeat(IronicCore.Conductor conductor)
    {
        var token = conductor.GetAgentToken("n") ?? conductor.Lookup("n");
        conductor.Heartbeat("n", conductor.GetMachine("n").AgentCallbackUrl, "9.4.0", token);
    }

    private static (IronicCore.Conductor Conductor, FlakyPower Power) Build(IronicRelease release, ProvisionState start, PowerState power, bool rebootingStep)
    {
        var conductor = new IronicCore.Conductor(new ConductorOptions(release), seed: 17);
        var flaky = new FlakyPower();
        conductor.RegisterHardwareType("flaky", _ => new HardwareType("flaky", flaky, NoopManagement.Instance, new RescueBoot()));
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", Driver = "flaky", DeployInterface = "direct", RescueInterface = "agent", ProvisionState = start, PowerState = power,
            AgentCleanSteps = rebootingStep ? [RebootingStep] : null,
        });
        return (conductor, flaky);
    }

    /// <summary>The fake power interface, failing as an unreachable BMC at the chosen call.</summary>
    private sealed class FlakyPower : IPowerInterface
    {
        public int FailAt { get; set; } = int.MaxValue;

        public bool FailFromThenOn { get; set; }

        public int Calls { get; private set; }

        public string Name => "fake";

        public IReadOnlyList<PowerState> SupportedPowerStates => FakePower.Instance.SupportedPowerStates;

        public void Validate(DriverTask task)
        {
        }

        public PowerState? GetPowerState(DriverTask task)
        {
            Count("power status");
            return FakePower.Instance.GetPowerState(task);
        }

        public void SetPowerState(DriverTask task, PowerState target, TimeSpan? timeout = null)
        {
            Count("power reset");
            FakePower.Instance.SetPowerState(task, target, timeout);
        }

        private void Count(string command)
        {
            Calls++;
            if (Calls == FailAt || (FailFromThenOn && Calls > FailAt))
            {
                throw new UnreachableBmcException(command);
            }
        }
    }

    /// <summary>A boot interface that can boot the rescue ramdisk, doing nothing else.</summary>
    private sealed class RescueBoot : IBootInterface
    {
        public string Name => "fake";

        public bool SupportsRescue => true;

        public void Validate(DriverTask task)
        {
        }

        public void PrepareRamdisk(DriverTask task)
        {
        }

        public void CleanUpRamdisk(DriverTask task)
        {
        }

        public void PrepareInstance(DriverTask task)
        {
        }

        public void CleanUpInstance(DriverTask task)
        {
        }
    }
}
