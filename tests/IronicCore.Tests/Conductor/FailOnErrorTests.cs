using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Agent;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// Ironic's <c>fail_on_error</c> on <c>do_next_clean_step</c>, <c>continue_node_clean</c> and their
/// servicing twins: what escapes a step loop, the error handler's own failed power-off
/// (<c>poweroff_in_cleanfail</c>, <c>poweroff_in_servicefail</c>) among it, goes to the handler again,
/// once for each decorated frame it leaves. Scenario files checked against the oracle:
/// failure-paths/step-loop-handler-raises (2025.1, master), generated/master-seed-14087-mixed and 14067.
/// </summary>
[TestFixture]
public sealed class FailOnErrorTests
{
    private const string PowerOffFailed = "Failed to change power state to 'power off': IPMI call failed: power status.";

    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Master)]
    public void HandlerPowerOffFailing_AtTheEndOfCleaning_IsHandledAgainByBothDecoratedLoops(IronicRelease release)
    {
        var conductor = InCleanWaitWithItsBmcDown(new ConductorOptions(release) { PoweroffInCleanfail = true });

        var node = conductor.Beat();

        var errors = Errors(conductor, "cleaning");
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Length.EqualTo(4));
            Assert.That(errors[0], Does.StartWith("Failed to tear down from cleaning for node "));
            Assert.That(errors[1], Does.StartWith("Unexpected error when processing next clean step. IPMIFailure: IPMI call failed: power status.. Also Failed to tear down cleaning on node "));
            Assert.That(errors[2], Is.EqualTo(errors[1]));
            Assert.That(errors[3], Does.StartWith("Node failed to start the first cleaning step: IPMI call failed: power status.. Also"));
            Assert.That(conductor.GetNodeHistory("n").Count(e => e.EventType == "UNKNOWN"), Is.EqualTo(8), "the tear-down's, then each handler's tear-down and power-off, all failed");

            // Each handler raised before its fail event, as Ironic's does.
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Cleaning));
            Assert.That(node.LastError, Is.EqualTo(PowerOffFailed));
        });
    }

    /// <summary>Master only: 2025.1 refuses the fake deploy's step when validating, in <c>do_node_service</c>, which has no decorator.</summary>
    [Test]
    public void HandlerPowerOffFailing_AfterAServiceStepRaised_IsHandledAgainByDoNextServiceStep()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Master) { PoweroffInServicefail = true });
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);
        conductor.GetMachine("n").Reachable = false;

        var node = conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [new StepRequest("deploy", "burnin_cpu")] });

        var errors = Errors(conductor, "servicing");
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Length.EqualTo(2));
            Assert.That(errors[0], Does.EndWith("'FakeDeploy' object has no attribute 'burnin_cpu'"));
            Assert.That(errors[1], Is.EqualTo("Unexpected error when processing next service step. IPMIFailure: IPMI call failed: power status."));
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Servicing));
            Assert.That(node.LastError, Is.EqualTo(PowerOffFailed));
        });
    }

    /// <summary>
    /// <c>_heartbeat_clean_wait</c> runs its own handler only for a node still cleaning: an abort that
    /// waited for a step fails the node before its tear-down raises, so after <c>continue_node_clean</c>'s
    /// decorator the heartbeat records nothing more.
    /// </summary>
    [Test]
    public void AbortAfterAStep_WhoseTearDownRaises_IsNotHandledAgainByTheHeartbeat()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Master) { PoweroffInCleanfail = true });
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOn,
            AgentCleanSteps = ImmutableArray.Create(new StepDefinition("deploy", "update_firmware", 80, Abortable: false)),
        });
        conductor.Provision("n", ApiVerb.Provide);
        conductor.Beat();
        conductor.SetAgentResult("n", IronicCore.Agent.AgentCommandStatus.Running, null);
        conductor.Provision("n", ApiVerb.Abort);
        conductor.GetMachine("n").Reachable = false;
        conductor.SetAgentResult("n", IronicCore.Agent.AgentCommandStatus.Succeeded, null);

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(Errors(conductor, "cleaning"), Is.EqualTo(new[]
            {
                "Failed to tear down cleaning after aborting the operation",
                "Unexpected error when processing next clean step. IPMIFailure: IPMI call failed: power status.",
            }));
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
        });
    }

    /// <summary>
    /// <c>set_node_service_steps</c> raises into <c>_heartbeat_service_wait</c>, whose handler is the
    /// only one: when its power-off raises, nothing handles the failure again.
    /// </summary>
    [Test]
    public void ServiceStepsRefusedAtTheFirstHeartbeat_AreHandledOnce_EvenWhenTheHandlerRaises()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Master) { PoweroffInServicefail = true });
        conductor.CreateNode(new NodeCreateRequest { Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Active, PowerState = PowerState.PowerOn });
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [new StepRequest("deploy", "no_such_step")] });
        conductor.GetMachine("n").Reachable = false;

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(Errors(conductor, "servicing"), Is.EqualTo(new[]
            {
                "Node failed to start the first service step: node does not support this service step: {'interface': 'deploy', 'step': 'no_such_step'}. Also failed to tear down servicing.",
            }));
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Servicing));
        });
    }

    [Test]
    public void HandlerThatDoesNotRaise_LeavesNothingForFailOnError()
    {
        var conductor = InCleanWaitWithItsBmcDown(new ConductorOptions(IronicRelease.Master));

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(Errors(conductor, "cleaning"), Has.Length.EqualTo(1));
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
        });
    }

    /// <summary>An automated cleaning waiting for the agent, which offers no step to run; then the BMC stops answering.</summary>
    private static IronicCore.Conductor InCleanWaitWithItsBmcDown(ConductorOptions options)
    {
        var conductor = ConductorFixture.Create(options);
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOn,
            AgentCleanSteps = ImmutableArray.Create(new StepDefinition("deploy", "erase_devices", 0)),
        });
        conductor.Provision("n", ApiVerb.Provide);
        conductor.GetMachine("n").Reachable = false;
        return conductor;
    }

    private static string[] Errors(IronicCore.Conductor conductor, string eventType) =>
        [.. conductor.GetNodeHistory("n").Where(e => e.EventType == eventType).Select(e => e.Event)];
}
