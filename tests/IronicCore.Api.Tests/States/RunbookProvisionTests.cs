using System.Net;

namespace IronicCore.Api.Tests.States;

public sealed class RunbookProvisionTests
{
    private const string ResetStep = "[{\"interface\": \"bios\", \"step\": \"factory_reset\", \"order\": 0}]";

    private static async Task<string> ManageableNodeWithTrait(IronicClient client, string trait)
    {
        var uuid = await client.CreateNode("n1");
        await Lifecycle.Expect(client.Provision("n1", "manage"));
        await Lifecycle.Settled(client, "n1", "manageable");
        await Lifecycle.Expect(client.Put($"/v1/nodes/n1/traits/{trait}", ""), HttpStatusCode.NoContent);
        return uuid;
    }

    private static async Task CreateRunbook(IronicClient client, string name, string steps = ResetStep, string version = "1.92")
    {
        var answer = await client.Post("/v1/runbooks", $"{{\"name\": \"{name}\", \"steps\": {steps}}}", version);
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
    }

    [Test]
    public async Task CleanWithARunbook_NamedByANodeTrait_RunsItsStepsAsIfGiven()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");
        await ManageableNodeWithTrait(client, "CUSTOM_RESET");
        await CreateRunbook(client, "CUSTOM_RESET");

        var answer = await client.Provision("n1", "clean", ", \"runbook\": \"CUSTOM_RESET\"");
        await Lifecycle.Settled(client, "n1", "manageable");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Accepted), answer.Body);
        Assert.That((await client.Node("n1"))["last_error"], Is.Null);
    }

    [Test]
    public async Task RunbookSteps_FailAsTheSameClean_StepsWould()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");
        await ManageableNodeWithTrait(client, "CUSTOM_BAD");
        await CreateRunbook(client, "CUSTOM_BAD", "[{\"interface\": \"bios\", \"step\": \"no_such_step\", \"order\": 0}]");
        await client.CreateNode("n2");
        await Lifecycle.Expect(client.Provision("n2", "manage"));
        await Lifecycle.Settled(client, "n2", "manageable");

        await Lifecycle.Expect(client.Provision("n1", "clean", ", \"runbook\": \"CUSTOM_BAD\""));
        await Lifecycle.Expect(client.Provision("n2", "clean", ", \"clean_steps\": [{\"interface\": \"bios\", \"step\": \"no_such_step\", \"args\": {}}]"));
        await Lifecycle.Settled(client, "n1", "clean failed");
        await Lifecycle.Settled(client, "n2", "clean failed");
        var n1 = await client.Node("n1");
        var n2 = await client.Node("n2");

        // The same words, but a runbook's step keeps its order in the dictionary Ironic prints (convert_steps).
        Assert.That(n1["last_error"]!.GetValue<string>().Replace(n1["uuid"]!.GetValue<string>(), "<node>", StringComparison.Ordinal),
            Is.EqualTo(n2["last_error"]!.GetValue<string>().Replace(n2["uuid"]!.GetValue<string>(), "<node>", StringComparison.Ordinal)
                .Replace("'args': {}}", "'args': {}, 'order': 0}", StringComparison.Ordinal)));
        Assert.That(n2["last_error"]!.GetValue<string>(), Does.EndWith("node does not support this clean step: {'interface': 'bios', 'step': 'no_such_step', 'args': {}}"));
    }

    [Test]
    public async Task RunbookWithoutTheNodesTrait_Is400_AndTheNodeStays()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");
        var uuid = await ManageableNodeWithTrait(client, "CUSTOM_OTHER");
        await CreateRunbook(client, "CUSTOM_RESET");

        var answer = await client.Provision("n1", "clean", ", \"runbook\": \"CUSTOM_RESET\"");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo($"This runbook has not been approved for use on this node {uuid}. Please ask an administrator to add it to your node traits."));
        Assert.That((await client.Node("n1"))["provision_state"]!.GetValue<string>(), Is.EqualTo("manageable"));
    }

    [Test]
    public async Task From1_112_TheNodeNeedsOneOfTheRunbooksTraits()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.112");
        var uuid = await ManageableNodeWithTrait(client, "CUSTOM_GOLD");
        await CreateRunbook(client, "bios-reset", version: "1.112");

        var noTraits = await client.Provision("n1", "clean", ", \"runbook\": \"bios-reset\"");
        var runbook = (await client.Get("/v1/runbooks/bios-reset")).Json["uuid"]!.GetValue<string>();
        await client.Put("/v1/runbooks/bios-reset/traits", "{\"traits\": [\"CUSTOM_SILVER\", \"CUSTOM_BRONZE\"]}");
        var noMatch = await client.Provision("n1", "clean", ", \"runbook\": \"bios-reset\"");
        await client.Put("/v1/runbooks/bios-reset/traits/CUSTOM_GOLD", "");
        var match = await client.Provision("n1", "clean", ", \"runbook\": \"bios-reset\"");

        Assert.That(noTraits.Fault, Is.EqualTo($"Runbook {runbook} has no traits configured. Please ask an administrator to add traits to the runbook."));
        Assert.That(noMatch.Fault, Is.EqualTo(
            $"This runbook has not been approved for use on this node {uuid}. The node does not have any of the runbook's traits ['CUSTOM_BRONZE', 'CUSTOM_SILVER']. " +
            "Please ask an administrator to add a matching trait to your node."));
        Assert.That(match.Status, Is.EqualTo(HttpStatusCode.Accepted), match.Body);
    }

    [Test]
    public async Task RunbookAndCleanSteps_AreMutuallyExclusive()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");
        await ManageableNodeWithTrait(client, "CUSTOM_RESET");
        await CreateRunbook(client, "CUSTOM_RESET");

        var answer = await client.Provision("n1", "clean", ", \"runbook\": \"CUSTOM_RESET\", \"clean_steps\": [{\"interface\": \"bios\", \"step\": \"factory_reset\"}]");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Please provide either \"clean_steps\" or a runbook, but not both."));
    }

    [Test]
    public async Task Runbook_Below1_92_Is406_AfterTheStateCheck()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");
        var uuid = await ManageableNodeWithTrait(client, "CUSTOM_RESET");
        await CreateRunbook(client, "CUSTOM_RESET");

        var old = await client.Put("/v1/nodes/n1/states/provision", "{\"target\": \"clean\", \"runbook\": \"CUSTOM_RESET\"}", version: "1.91");
        var wrongState = await client.Put("/v1/nodes/n1/states/provision", "{\"target\": \"deploy\", \"runbook\": \"CUSTOM_RESET\"}", version: "1.91");
        var missing = await client.Provision("n1", "clean", ", \"runbook\": \"CUSTOM_NONE\"");
        var otherVerb = await client.Provision("n1", "provide", ", \"runbook\": \"CUSTOM_RESET\"");

        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(wrongState.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(wrongState.Fault, Does.StartWith($"The requested action \"deploy\" can not be performed on node \"{uuid}\""));
        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Fault, Is.EqualTo("Runbook CUSTOM_NONE could not be found."));
        Assert.That(otherVerb.Fault, Is.EqualTo("disable_ramdisk is supported only with manual cleaning or servicing"));
        Assert.That((await client.Node("n1"))["provision_state"]!.GetValue<string>(), Is.EqualTo("manageable"));
    }

    [Test]
    public async Task Release21_4_RefusesTheRunbookField()
    {
        using var factory = new SimulatorFactory(IronicCore.States.IronicRelease.Release21_4);
        using var client = factory.Client("1.78");
        await client.CreateNode("n1");

        var answer = await client.Provision("n1", "manage", ", \"runbook\": \"CUSTOM_A\"");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Unexpected arguments: runbook"));
    }

    [Test]
    public async Task ServiceWithARunbook_From1_108_RunsItsSteps_Below1_108_Is406ForItsDisableRamdisk()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.108");
        await client.CreateNode("n1");
        await Lifecycle.ToActive(client, "n1");
        await Lifecycle.Expect(client.Put("/v1/nodes/n1/traits/CUSTOM_RESET", ""), HttpStatusCode.NoContent);
        await CreateRunbook(client, "CUSTOM_RESET");

        var old = await client.Put("/v1/nodes/n1/states/provision", "{\"target\": \"service\", \"runbook\": \"CUSTOM_RESET\"}", version: "1.107");
        var withCleanSteps = await client.Provision("n1", "service", ", \"runbook\": \"CUSTOM_RESET\", \"clean_steps\": [{\"interface\": \"bios\", \"step\": \"factory_reset\"}]");
        var answer = await client.Provision("n1", "service", ", \"runbook\": \"CUSTOM_RESET\"");
        await Lifecycle.Settled(client, "n1", "active");

        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(old.Fault, Is.EqualTo("disable_ramdisk is not acceptable in this API version"));
        Assert.That(withCleanSteps.Fault, Is.EqualTo("\"runbooks\" is only valid when setting target provision state to any of ['clean', 'service']"));
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Accepted), answer.Body);
        Assert.That((await client.Node("n1"))["last_error"], Is.Null);
    }

    /// <summary>
    /// <c>disable_ramdisk</c> for servicing is accepted from 1.108. A step that does not validate
    /// without the ramdisk (fake bios's factory_reset is a clean step only) makes master's
    /// do_node_service re-raise, and the worker dies: the node stays in servicing with the worker's
    /// error (the master oracle, rules/master/service-validation-paths).
    /// </summary>
    [Test]
    public async Task ServiceDisableRamdisk_From1_108_AStepThatDoesNotValidateKillsTheWorker()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.108");
        await client.CreateNode("n1");
        await Lifecycle.ToActive(client, "n1");
        const string Body = "{\"target\": \"service\", \"disable_ramdisk\": true, \"service_steps\": [{\"interface\": \"bios\", \"step\": \"factory_reset\"}]}";

        var old = await client.Put("/v1/nodes/n1/states/provision", Body, version: "1.107");
        var answer = await client.Put("/v1/nodes/n1/states/provision", Body);
        await Lifecycle.Settled(client, "n1", "servicing");
        var node = await client.Node("n1");

        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(old.Fault, Is.EqualTo("disable_ramdisk is not acceptable in this API version"));
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(node["last_error"]!.GetValue<string>(), Is.EqualTo("Async execution of do_node_service failed with error: node does not support this service step: {'interface': 'bios', 'step': 'factory_reset'}"));
    }
}
