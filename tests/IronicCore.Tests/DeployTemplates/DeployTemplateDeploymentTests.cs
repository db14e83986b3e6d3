using System.Text.Json;
using IronicCore.DeployTemplates;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.DeployTemplates;

/// <summary>
/// Deploy templates in a deployment, as Ironic's conductor uses them: the node's instance traits
/// (<c>instance_info.traits</c>, which must be traits of the node: <c>validate_instance_info_traits</c>)
/// name the templates whose steps join the driver's (<c>_get_all_deployment_steps</c>), checked at
/// <c>start_deploy</c> like a user's deploy steps (<c>validate_user_deploy_steps_and_templates</c>).
/// </summary>
[TestFixture]
public sealed class DeployTemplateDeploymentTests
{
    private static IronicCore.Conductor Available(string instanceTraits, params string[] nodeTraits)
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n1", DeployInterface = "direct", ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff,
        });
        if (nodeTraits.Length > 0)
        {
            conductor.AddNodeTraits("n1", nodeTraits);
        }

        conductor.UpdateNode("n1", NodeUpdate.From(node) with { InstanceInfo = JsonElement.Parse($$"""{"traits": {{instanceTraits}}}""") });
        return conductor;
    }

    private static DeployTemplateView Template(IronicCore.Conductor conductor, string name, params StepRequest[] steps) =>
        conductor.CreateDeployTemplate(new DeployTemplateRequest { Name = name, Steps = [.. steps] });

    private static StepRequest Step(string step, int priority, string args = "{}") => new("deploy", step, JsonElement.Parse(args), priority);

    private static IEnumerable<string> Plan(IronicCore.Conductor conductor) =>
        conductor.NodeAt(0)!.DeployPlan.Select(p => $"{p.Step.Interface}.{p.Step.Step}:{p.User?.Priority ?? p.Step.Priority}");

    [Test]
    public void ATemplateNamedByAnInstanceTrait_OverridesTheDriversStepPriorities()
    {
        var conductor = Available("""["CUSTOM_FAST"]""", "CUSTOM_FAST");
        Template(conductor, "CUSTOM_FAST", Step("write_image", 0), Step("boot_instance", 90));

        conductor.Provision("n1", ApiVerb.Active);

        Assert.That(Plan(conductor), Is.EqualTo(new[]
        {
            "deploy.deploy:100", "deploy.boot_instance:90", "deploy.prepare_instance_boot:60", "deploy.tear_down_agent:40", "deploy.switch_to_tenant_network:30",
        }));
    }

    [Test]
    public void ATemplateNoInstanceTraitNames_DoesNotApply()
    {
        var conductor = Available("""["CUSTOM_OTHER"]""", "CUSTOM_FAST", "CUSTOM_OTHER");
        Template(conductor, "CUSTOM_FAST", Step("write_image", 0));

        conductor.Provision("n1", ApiVerb.Active);

        Assert.That(Plan(conductor), Does.Contain("deploy.write_image:80"));
    }

    [Test]
    public void TheRequestsOwnDeploySteps_WinOverATemplatesForTheSameStep()
    {
        var conductor = Available("""["CUSTOM_FAST"]""", "CUSTOM_FAST");
        Template(conductor, "CUSTOM_FAST", Step("write_image", 0), Step("boot_instance", 90));

        conductor.Provision("n1", ApiVerb.Active, new ProvisionRequest { DeploySteps = [Step("write_image", 85)] });

        Assert.That(Plan(conductor), Does.Contain("deploy.write_image:85").And.Contain("deploy.boot_instance:90"));
    }

    [Test]
    public void AnAllocationsTraits_BecomeTheInstanceTraits_ThatNameTheTemplatesTheDeploymentRuns()
    {
        var conductor = ConductorFixture.Create();
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n1", DeployInterface = "direct", ResourceClass = "gold", ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff,
        });
        conductor.AddNodeTraits("n1", ["CUSTOM_FAST"]);
        Template(conductor, "CUSTOM_FAST", Step("write_image", 0));

        var allocation = conductor.CreateAllocation(new IronicCore.Resources.AllocationCreateRequest { ResourceClass = "gold", Traits = ["CUSTOM_FAST"] });
        conductor.Clock.RunDue();
        conductor.Provision("n1", ApiVerb.Active);

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetAllocation(allocation.Uuid).NodeUuid, Is.EqualTo(conductor.GetNode("n1").Uuid));
            Assert.That(conductor.GetNode("n1").InstanceInfo.GetProperty("traits").GetRawText(), Is.EqualTo("[\"CUSTOM_FAST\"]"));
            Assert.That(Plan(conductor), Does.Not.Contain("deploy.write_image:80").And.Contain("deploy.deploy:100"));
        });
    }

    [Test]
    public void InstanceTraitsTheNodeLacks_RefuseTheDeploy_AndNothingMoves()
    {
        var conductor = Available("""["CUSTOM_FAST", "CUSTOM_GPU"]""", "CUSTOM_FAST");

        var error = Assert.Throws<InstanceDeployFailureException>(() => conductor.SetProvisionState("n1", ApiVerb.Active));

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatus, Is.EqualTo(400));
            Assert.That(error.Message, Is.EqualTo(
                $"Failed to validate deploy or power info for node {conductor.GetNode("n1").Uuid}: Cannot specify instance traits that are not " +
                $"also set on the node. Node {conductor.GetNode("n1").Uuid} is missing traits CUSTOM_GPU"));
            Assert.That(conductor.GetNode("n1").ProvisionState, Is.EqualTo(ProvisionState.Available));
        });
    }

    [TestCase("\"CUSTOM_FAST\"")]
    [TestCase("[1]")]
    public void InstanceTraitsThatAreNotAListOfStrings_RefuseTheDeploy(string traits)
    {
        var conductor = Available(traits, "CUSTOM_FAST");

        Assert.That(
            () => conductor.SetProvisionState("n1", ApiVerb.Active),
            Throws.TypeOf<InstanceDeployFailureException>().With.Message.EndsWith(
                $"Error parsing traits from Node {conductor.GetNode("n1").Uuid} instance_info field. A list of strings is expected."));
    }

    [Test]
    public void ATemplateOverridingTheCoreDeployStep_RefusesTheDeploy_NamingTheTemplates()
    {
        var conductor = Available("""["CUSTOM_A", "CUSTOM_B"]""", "CUSTOM_A", "CUSTOM_B");
        Template(conductor, "CUSTOM_B", Step("deploy", 50));
        Template(conductor, "CUSTOM_A", Step("write_image", 70));

        var error = Assert.Throws<InstanceDeployFailureException>(() => conductor.SetProvisionState("n1", ApiVerb.Active));

        Assert.That(error!.Message, Does.EndWith(
            ": Validation of deploy steps from deploy templates matching this node's instance traits failed. Matching deploy templates: " +
            "CUSTOM_A,CUSTOM_B. Errors: deploy step deploy on interface deploy is a core step and cannot be overridden by user steps. " +
            "It may be disabled by setting the priority to 0"));
    }

    [Test]
    public void TwoTemplatesWithTheSameStep_RefuseTheDeploy()
    {
        var conductor = Available("""["CUSTOM_A", "CUSTOM_B"]""", "CUSTOM_A", "CUSTOM_B");
        Template(conductor, "CUSTOM_A", Step("write_image", 70));
        Template(conductor, "CUSTOM_B", Step("write_image", 75));

        Assert.That(
            () => conductor.SetProvisionState("n1", ApiVerb.Active),
            Throws.TypeOf<InstanceDeployFailureException>().With.Message.EndsWith(
                "Errors: deploy steps from all deploy templates matching this node's instance traits cannot have the same interface and step. " +
                "Duplicate deploy steps for deploy.write_image"));
    }

    [Test]
    public void ATemplateStepTheDriverDoesNotHave_IsLeftForTheAgentToReport()
    {
        var conductor = Available("""["CUSTOM_A"]""", "CUSTOM_A");
        Template(conductor, "CUSTOM_A", new StepRequest("bios", "apply_configuration", JsonElement.Parse("{}"), 10));

        var node = conductor.Provision("n1", ApiVerb.Active);

        Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack));
    }

    [Test]
    public void TheRequestsOwnStepErrors_CarryIronicsPrefix()
    {
        var conductor = Available("[]");

        Assert.That(
            () => conductor.SetProvisionState("n1", ApiVerb.Active, new ProvisionRequest { DeploySteps = [Step("write_image", 80, """{"x": 1}""")] }),
            Throws.TypeOf<InstanceDeployFailureException>().With.Message.EndsWith(
                ": Validation of deploy steps from \"deploy steps\" argument failed." +
                "deploy step {'interface': 'deploy', 'step': 'write_image', 'args': {'x': 1}, 'priority': 80} has these unexpected arguments: x"));
    }

    [Test]
    public void NodeValidation_ReportsTheTemplatesErrorsForTheDeployInterface()
    {
        var conductor = Available("""["CUSTOM_A"]""", "CUSTOM_A");
        Template(conductor, "CUSTOM_A", Step("deploy", 50));

        Assert.Multiple(() =>
        {
            Assert.That(conductor.ValidateInterface("n1", "deploy"), Does.StartWith("Validation of deploy steps from deploy templates"));
            Assert.That(conductor.ValidateInterface("n1", "power"), Is.Null);
        });
    }
}
