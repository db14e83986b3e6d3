using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.DeployTemplates;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Agent;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// Ironic master's <c>log_step_flow_history</c> (<c>conductor/utils.py</c>, with
/// <c>[conductor] record_step_flows_in_history</c>): an entry at the start and the end of each
/// cleaning, deployment and servicing, quoting the step list as Ironic holds it at that moment.
/// </summary>
[TestFixture]
public sealed class StepFlowHistoryTests
{
    private const string FakeDeployStep = "{'step': 'deploy', 'priority': 100, 'abortable': True, 'argsinfo': None, 'interface': 'deploy'}";

    [Test]
    public void Deployment_RecordsItsStartAndEnd_QuotingTheDeployStepsAsTheDriverDeclaresThem()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Available);

        conductor.Provision("n", ApiVerb.Active);

        Assert.That(Entries(conductor), Is.EqualTo(new[]
        {
            $"deployment_start INFO Starting deployment with steps=[{FakeDeployStep}]",
            $"deployment_end INFO Deployment completed successfully with steps=[{FakeDeployStep}]",
        }));
    }

    [Test]
    public void RecordStepFlowsInHistoryOff_RecordsNoStepFlowEntry()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions { RecordStepFlowsInHistory = false });
        conductor.Enroll("n", ProvisionState.Available);

        conductor.Provision("n", ApiVerb.Active);
        conductor.Provision("n", ApiVerb.Deleted);

        Assert.That(conductor.GetNodeHistory("n"), Is.Empty);
    }

    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Release21_4)]
    public void ReleasesBeforeMaster_RecordNoStepFlowEntry(IronicRelease release)
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(release));
        conductor.Enroll("n", ProvisionState.Available);

        conductor.Provision("n", ApiVerb.Active);
        conductor.Provision("n", ApiVerb.Deleted);

        Assert.That(conductor.GetNodeHistory("n"), Is.Empty);
    }

    [Test]
    public void SuccessfulCleaning_EndsQuotingAnEmptyList_ForItsStepsAreWipedFirst()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        conductor.Provision("n", ApiVerb.Clean, Request("""{"clean_steps": [{"interface": "bios", "step": "factory_reset"}]}"""));

        Assert.That(Entries(conductor), Is.EqualTo(new[]
        {
            "manual_cleaning_start INFO Starting manual cleaning with steps=[{'interface': 'bios', 'step': 'factory_reset', 'abortable': False, 'priority': 0}]",
            "manual_cleaning_end INFO Manual Cleaning completed successfully with steps=[]",
        }));
    }

    [Test]
    public void FailedCleanStep_EndsTheFlowWithAnError_BeforeTheCleaningErrorHandlerRecordsItsOwn()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var node = conductor.Provision(
            "n", ApiVerb.Clean, Request("""{"clean_steps": [{"interface": "bios", "step": "apply_configuration", "args": {"settings": "garbage"}}]}"""));
        var history = conductor.GetNodeHistory("n");

        Assert.Multiple(() =>
        {
            Assert.That(history.Select(e => (e.EventType, e.Severity)), Is.EqualTo(new[]
            {
                ("manual_cleaning_start", "INFO"), ("manual_cleaning_end", "ERROR"), ("cleaning", "ERROR"),
            }));
            Assert.That(
                history[1].Event,
                Is.EqualTo("Manual Cleaning aborted at step 'apply_configuration' with steps=" +
                    "[{'interface': 'bios', 'step': 'apply_configuration', 'args': {'settings': 'garbage'}, 'abortable': False, 'priority': 0}]"),
                "the whole list, the failed step included");
            Assert.That(node.LastError, Is.EqualTo(history[2].Event), "the error handler's entry comes last");
        });
    }

    [Test]
    public void UserStep_IsQuotedInTheKeyOrderItWasSent_WithTheFieldsValidationAddsLast()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        conductor.Provision("n", ApiVerb.Clean, Request("""{"clean_steps": [{"step": "factory_reset", "order": "3", "interface": "bios"}]}"""));

        Assert.That(
            conductor.GetNodeHistory("n")[0].Event,
            Is.EqualTo("Starting manual cleaning with steps=[{'step': 'factory_reset', 'order': '3', 'interface': 'bios', 'abortable': False, 'priority': 0}]"));
    }

    [Test]
    public void ServiceStepArgs_AreMaskedInTheFlowEntries_NotInTheErrorHandlers()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);
        const string Step = """{"interface": "deploy", "step": "nope", "args": {"admin_password": "s3cret", "nested": {"token": "t"}, "list": [{"password": "p"}]}}""";

        conductor.Provision("n", ApiVerb.Service, Request($$"""{"service_steps": [{{Step}}]}"""));
        var history = conductor.GetNodeHistory("n");
        const string Masked = "[{'interface': 'deploy', 'step': 'nope', 'args': {'admin_password': '***', 'nested': {'token': '***'}, 'list': [{'password': 'p'}]}}]";

        Assert.Multiple(() =>
        {
            Assert.That(history[0].Event, Is.EqualTo($"Starting servicing with steps={Masked}"));
            Assert.That(history[1].Event, Is.EqualTo($"Servicing aborted at step 'nope' with steps={Masked}"));
            Assert.That(history[2].Event, Does.Contain("'admin_password': 's3cret'"), "servicing_error_handler quotes the step as it is");
        });
    }

    [Test]
    public void ServicingWhoseCheckFailed_StartsWithTheRequest_AsTheFailedCheckLeftIt()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);

        conductor.Provision(
            "n", ApiVerb.Service, Request("""{"service_steps": [{"interface": "deploy", "step": "hold"}, {"interface": "vendor", "step": "log_passthrough"}, {"interface": "deploy", "step": "nope"}]}"""));

        Assert.That(
            conductor.GetNodeHistory("n")[0].Event,
            Is.EqualTo("Starting servicing with steps=[{'interface': 'deploy', 'step': 'hold'}, " +
                "{'interface': 'vendor', 'step': 'log_passthrough', 'abortable': False, 'priority': 0}, {'interface': 'deploy', 'step': 'nope'}]"),
            "validation wrote abortable and priority into the step it matched before it failed on the unknown one; a reserved name is not looked up");
    }

    [Test]
    public void DeployStepThatFailedTheDeploymentItself_EndsQuotingAnEmptyList_AndKeepsItsOwnLastError()
    {
        var conductor = ConductorFixture.Create();
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff,
        });
        conductor.Provision("n", ApiVerb.Active);
        conductor.Beat();

        // write_image done: prepare_instance_boot asks the fake management for boot device disk, which it refuses.
        var node = conductor.Beat();
        var history = conductor.GetNodeHistory("n");

        Assert.Multiple(() =>
        {
            Assert.That(history.Select(e => e.EventType), Is.EqualTo(new[] { "deployment_start", "deploying", "deployment_end" }));
            Assert.That(history[2].Event, Is.EqualTo("Deployment aborted at step 'prepare_instance_boot' with steps=[]"), "set_failed_state wiped the list before the step raised");
            Assert.That(node.LastError, Is.EqualTo(history[1].Event), "Ironic saves the node no more after the entry");
        });
    }

    [Test]
    public void DeployTemplateStep_IsQuotedInTheKeyOrderIronicCopiesItFromTheTemplate()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff,
        });
        conductor.AddNodeTraits("n", ["CUSTOM_X"]);
        conductor.UpdateNode("n", NodeUpdate.From(node) with { InstanceInfo = JsonElement.Parse("""{"traits": ["CUSTOM_X"]}""") });
        conductor.CreateDeployTemplate(new DeployTemplateRequest
        {
            Name = "CUSTOM_X", Steps = [new StepRequest("deploy", "boot_instance", JsonElement.Parse("{}"), 90)],
        });

        conductor.Provision("n", ApiVerb.Active);

        Assert.That(
            conductor.GetNodeHistory("n")[0].Event,
            Does.StartWith($"Starting deployment with steps=[{FakeDeployStep}, {{'interface': 'deploy', 'step': 'boot_instance', 'args': {{}}, 'priority': 90}}, "),
            "_get_steps_from_deployment_templates copies interface, step, args and priority, in that order");
    }

    private static ProvisionRequest Request(string body) => ProvisionRequest.FromJson(JsonElement.Parse(body), IronicRelease.Master);

    private static IEnumerable<string> Entries(IronicCore.Conductor conductor) =>
        conductor.GetNodeHistory("n").Select(e => $"{e.EventType} {e.Severity} {e.Event}");
}
