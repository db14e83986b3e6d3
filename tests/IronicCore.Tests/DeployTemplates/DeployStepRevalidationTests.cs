using System.Text.Json;
using IronicCore.DeployTemplates;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.DeployTemplates;

/// <summary>
/// Ironic checks a deployment's steps twice: at <c>start_deploy</c>, leaving a step the driver does
/// not have for the agent to offer (<c>skip_missing</c>), and again in <c>continue_node_deploy</c>
/// on the agent's first heartbeat in <c>wait call-back</c>, once its steps are known
/// (<c>validate_deploy_steps</c>, <c>steps_validated</c>; the same in 21.4, 29.0 and master). A deploy
/// template's or the request's step the agent does not offer then fails the deployment with
/// <c>Failed to validate the final deploy steps list for node ...</c> (<c>deploying_error_handler</c>).
/// The simulated agent offers no deploy step beyond the driver's.
/// </summary>
[TestFixture]
public sealed class DeployStepRevalidationTests
{
    private const string AllStepsKnownPrefix =
        "Validation of deploy steps from deploy templates matching this node's instance traits failed. Matching deploy templates: CUSTOM_A. Errors: ";

    private static IronicCore.Conductor Available(string instanceTraits = """["CUSTOM_A"]""")
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n1", DeployInterface = "direct", ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff,
        });
        conductor.AddNodeTraits("n1", ["CUSTOM_A"]);
        conductor.UpdateNode("n1", NodeUpdate.From(node) with { InstanceInfo = JsonElement.Parse($$"""{"traits": {{instanceTraits}}}""") });
        return conductor;
    }

    private static StepRequest Step(string @interface, string step, int priority) => new(@interface, step, JsonElement.Parse("{}"), priority);

    /// <summary>Deploys, then has the agent heartbeat (the direct deploy's <c>deploy</c> step reboots into it) until the deployment no longer waits.</summary>
    private static NodeView DeployedUntilTheAgentHeartbeats(IronicCore.Conductor conductor, ProvisionRequest? request = null)
    {
        Assert.That(conductor.Provision("n1", ApiVerb.Active, request).ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack), "the deploy step waits for the agent");
        return HeartbeatsUntilSettled(conductor);
    }

    private static NodeView HeartbeatsUntilSettled(IronicCore.Conductor conductor)
    {
        for (var i = 0; i < 10 && conductor.GetNode("n1").ProvisionState == ProvisionState.WaitCallBack; i++)
        {
            conductor.Clock.Advance(TimeSpan.FromSeconds(30));
            conductor.Heartbeat("n1", conductor.GetMachine("n1").AgentCallbackUrl, "9.4.0", conductor.GetAgentToken("n1") ?? conductor.Lookup("n1"));
            conductor.Clock.RunDue();
        }

        return conductor.GetNode("n1");
    }

    [Test]
    public void ATemplateStepTheAgentDoesNotOffer_FailsTheDeploymentAtItsFirstHeartbeat()
    {
        var conductor = Available();
        conductor.CreateDeployTemplate(new DeployTemplateRequest { Name = "CUSTOM_A", Steps = [Step("bios", "apply_configuration", 10)] });

        var node = DeployedUntilTheAgentHeartbeats(conductor);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.DeployFailed), node.LastError);
            Assert.That(node.LastError, Is.EqualTo(
                $"Failed to validate the final deploy steps list for node {node.Uuid}: {AllStepsKnownPrefix}" +
                "node does not support this deploy step: {'interface': 'bios', 'step': 'apply_configuration', 'args': {}, 'priority': 10}"));
            Assert.That(node.DeployStep, Is.Null, "the deployment's step information is wiped");
        });
    }

    [Test]
    public void TheRequestsOwnStepTheAgentDoesNotOffer_FailsTheDeploymentAtItsFirstHeartbeat()
    {
        var conductor = Available("[]");

        var node = DeployedUntilTheAgentHeartbeats(conductor, new ProvisionRequest { DeploySteps = [Step("deploy", "burnin_cpu", 75)] });

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.DeployFailed), node.LastError);
            Assert.That(node.LastError, Is.EqualTo(
                $"Failed to validate the final deploy steps list for node {node.Uuid}: Validation of deploy steps from \"deploy steps\" argument failed." +
                "node does not support this deploy step: {'interface': 'deploy', 'step': 'burnin_cpu', 'args': {}, 'priority': 75}"));
        });
    }

    /// <summary>
    /// The agent's in-band <c>deploy.inject_files</c> is unknown when the deployment starts; at the
    /// agent's first heartbeat it joins the list (the current step's index kept) and runs in the
    /// agent at its priority, between <c>deploy</c> (100) and <c>write_image</c> (80).
    /// </summary>
    [Test]
    public void TheAgentsInBandStep_JoinsTheListAtItsFirstHeartbeat_AndRunsInTheAgentAtItsPriority()
    {
        var conductor = Available("[]");
        Assert.That(conductor.Provision("n1", ApiVerb.Active, new ProvisionRequest { DeploySteps = [Step("deploy", "inject_files", 95)] }).ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack));
        conductor.SetAgentResult("n1", IronicCore.Agent.AgentCommandStatus.Failed, "no room");

        var node = HeartbeatsUntilSettled(conductor);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.DeployFailed));
            Assert.That(node.LastError, Is.EqualTo($"Deploy step deploy.inject_files failed on node {node.Uuid}. no room"));
        });
    }

    [Test]
    public void TheAgentsInBandStep_GivenAnArgumentItDoesNotDescribe_IsRefusedAtTheFirstHeartbeat()
    {
        var conductor = Available("[]");
        var files = new StepRequest("deploy", "inject_files", JsonElement.Parse("""{"files": []}"""), 95);

        var node = DeployedUntilTheAgentHeartbeats(conductor, new ProvisionRequest { DeploySteps = [files] });

        Assert.That(node.LastError, Does.EndWith("deploy step {'interface': 'deploy', 'step': 'inject_files', 'args': {'files': []}, 'priority': 95} has these unexpected arguments: files"));
    }

    [Test]
    public void TemplateStepsTheNodeOffers_PassTheSecondCheck_AndTheDeploymentGoesOnInTheAgent()
    {
        var conductor = Available();
        conductor.CreateDeployTemplate(new DeployTemplateRequest { Name = "CUSTOM_A", Steps = [Step("deploy", "boot_instance", 25)] });
        Assert.That(conductor.Provision("n1", ApiVerb.Active).ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack));

        conductor.Clock.Advance(TimeSpan.FromSeconds(30));
        conductor.Heartbeat("n1", conductor.GetMachine("n1").AgentCallbackUrl, "9.4.0", conductor.Lookup("n1"));
        conductor.Clock.RunDue();
        var node = conductor.GetNode("n1");

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack), node.LastError);
            Assert.That(node.DeployStep?.ToString(), Does.Contain("write_image"), "the step after the core deploy step runs in the agent");
            Assert.That(node.LastError, Is.Null);
        });
    }

    [Test]
    public void ATemplateChangedWhileTheAgentBoots_IsCheckedAsItIsAtTheHeartbeat()
    {
        var conductor = Available();
        conductor.CreateDeployTemplate(new DeployTemplateRequest { Name = "CUSTOM_A", Steps = [Step("deploy", "boot_instance", 25)] });
        Assert.That(conductor.Provision("n1", ApiVerb.Active).ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack));

        // Ironic reads the templates from the database again in validate_deploy_steps.
        conductor.DeleteDeployTemplate("CUSTOM_A");
        conductor.CreateDeployTemplate(new DeployTemplateRequest { Name = "CUSTOM_A", Steps = [Step("raid", "apply_configuration", 10)] });
        var node = HeartbeatsUntilSettled(conductor);

        Assert.That(node.LastError, Does.EndWith(
            AllStepsKnownPrefix + "node does not support this deploy step: {'interface': 'raid', 'step': 'apply_configuration', 'args': {}, 'priority': 10}"));
    }
}
