using System.Net;
using System.Text.Json.Nodes;
using IronicCore.States;

namespace IronicCore.Api.Tests.DeployTemplates;

/// <summary>
/// Deploy templates (1.55) as Ironic's <c>DeployTemplatesController</c> answers, and their use by a
/// deployment through the node's instance traits.
/// </summary>
public sealed class DeployTemplateEndpointTests
{
    private const string Template =
        """{"name": "CUSTOM_HYPERTHREADING_ON", "steps": [{"interface": "bios", "step": "apply_configuration", "args": {"settings": [{"name": "LogicalProc", "value": "Enabled"}], "password": "s3cret"}, "priority": "150"}], "extra": {"rack": 4}, "description": "taken by the schema, kept nowhere"}""";

    [Test]
    public async Task DeployTemplate_Crud_AsIronicsController()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.55");

        var created = await client.Post("/v1/deploy_templates", Template);
        var uuid = created.Json["uuid"]!.GetValue<string>();
        var list = (await client.Get("/v1/deploy_templates")).Json["deploy_templates"]!.AsArray();
        var byName = await client.Get("/v1/deploy_templates/CUSTOM_HYPERTHREADING_ON?fields=name,steps");
        var patched = await client.Patch($"/v1/deploy_templates/{uuid}", """[{"op": "replace", "path": "/name", "value": "CUSTOM_HT_ON"}]""");
        var description = await client.Patch($"/v1/deploy_templates/{uuid}", """[{"op": "add", "path": "/description", "value": "kept nowhere"}]""");
        var taken = await client.Post("/v1/deploy_templates", Template.Replace("CUSTOM_HYPERTHREADING_ON", "CUSTOM_HT_ON", StringComparison.Ordinal));
        var deleted = await client.Delete("/v1/deploy_templates/CUSTOM_HT_ON");
        var gone = await client.Get($"/v1/deploy_templates/{uuid}");

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(created.Headers.Location!.ToString(), Is.EqualTo($"http://localhost/v1/deploy_templates/{uuid}"));
            Assert.That(created.Json.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "uuid", "created_at", "updated_at", "name", "extra", "links", "steps" }));
            Assert.That(
                created.Json["steps"]!.ToJsonString(),
                Is.EqualTo("""[{"interface":"bios","step":"apply_configuration","args":{"settings":[{"name":"LogicalProc","value":"Enabled"}],"password":"******"},"priority":150}]"""));
            Assert.That(list.Single()!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "uuid", "name", "links" }));
            Assert.That(byName.Json.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "name", "links", "steps" }));
            Assert.That(patched.Json["name"]!.GetValue<string>(), Is.EqualTo("CUSTOM_HT_ON"));
            Assert.That(description.Fault, Is.EqualTo("Adding a new attribute (/description) to the root of the resource is not allowed"));
            Assert.That(patched.Json["updated_at"], Is.Not.Null);
            Assert.That(taken.Status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(taken.Fault, Is.EqualTo("A deploy template with name CUSTOM_HT_ON already exists."));
            Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(gone.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(gone.Fault, Is.EqualTo($"Deploy template {uuid} could not be found."));
        });
    }

    [Test]
    public async Task DeployTemplates_Below1_55_AreNotFoundForReads_AndNotAllowedForWrites()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.54");

        var read = await client.Get("/v1/deploy_templates");
        var write = await client.Post("/v1/deploy_templates", Template);

        Assert.Multiple(() =>
        {
            Assert.That(read.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(write.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(write.Fault, Is.EqualTo("The API version does not allow deploy templates"));
        });
    }

    [TestCase("""{"steps": []}""", "Schema error for template: 'name' is a required property")]
    [TestCase("""{"name": "hyperthreading", "steps": [{"interface": "bios", "step": "x", "args": {}, "priority": 1}]}""",
        "Schema error for template: 'hyperthreading' is not valid under any of the given schemas. Possible root cause: 'hyperthreading' does not match '^CUSTOM_[A-Z0-9_]+$'")]
    [TestCase("""{"name": "CUSTOM_A", "steps": [{"interface": "bios", "step": "x", "priority": 1}]}""", "Schema error for template: 'args' is a required property")]
    [TestCase("""{"name": "CUSTOM_A", "steps": [{"interface": "bios", "step": "x", "args": {}, "priority": -1}]}""",
        "Schema error for template: -1 is less than the minimum of 0")]
    [TestCase("""{"name": "CUSTOM_A", "steps": [{"interface": "bios", "step": "x", "args": {}, "priority": "a"}]}""", "Schema error for template: 'a' does not match '^[0-9]+$'")]
    [TestCase("""{"name": "CUSTOM_A", "steps": [{"interface": "bios", "step": "x", "args": {}, "priority": ""}]}""",
        "Schema error for template: '' is not valid under any of the given schemas. Possible root cause: '' is not of type 'integer'")]
    [TestCase("""{"name": "CUSTOM_A", "steps": [{"interface": "bios", "step": "x", "args": {}, "priority": true}]}""",
        "Schema error for template: True is not valid under any of the given schemas. Possible root cause: True is not of type 'integer'")]
    [TestCase("""{"name": "CUSTOM_A", "steps": [{"interface": "boot", "step": "x", "args": {}, "priority": 1}]}""",
        "Schema error for template: 'boot' is not one of ['vendor', 'power', 'management', 'firmware', 'deploy', 'bios', 'raid']")]
    [TestCase("""{"name": "CUSTOM_A", "uuid": "x", "steps": [{"interface": "bios", "step": "x", "args": {}, "priority": 1}]}""", "Expected UUID for uuid: x")]
    [TestCase("""{"name": "CUSTOM_A", "steps": [{"interface": "bios", "step": "x", "args": {}, "priority": 1}, {"interface": "bios", "step": "x", "args": {}, "priority": 2}]}""",
        "Deploy template invalid: Duplicate deploy steps. A template cannot have multiple deploy steps with the same interface and step. Duplicates: interface: bios, step: x.")]
    public async Task ATemplateIronicsSchemaRefuses_Is400_WithItsWords(string body, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.55");

        var answer = await client.Post("/v1/deploy_templates", body);

        Assert.That((answer.Status, answer.Fault), Is.EqualTo((HttpStatusCode.BadRequest, fault)));
        Assert.That((await client.Get("/v1/deploy_templates")).Json["deploy_templates"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task In21_4_StepInterfacesAndDuplicateWording_AreThatReleases()
    {
        using var factory = new SimulatorFactory(IronicRelease.Release21_4);
        using var client = factory.Client("1.55");

        var vendor = await client.Post("/v1/deploy_templates", """{"name": "CUSTOM_A", "steps": [{"interface": "vendor", "step": "x", "args": {}, "priority": 1}]}""");
        var duplicate = await client.Post(
            "/v1/deploy_templates",
            """{"name": "CUSTOM_A", "steps": [{"interface": "bios", "step": "x", "args": {}, "priority": 1}, {"interface": "bios", "step": "x", "args": {}, "priority": 2}]}""");

        Assert.Multiple(() =>
        {
            Assert.That(vendor.Fault, Is.EqualTo("Schema error for template: 'vendor' is not one of ['power', 'management', 'deploy', 'bios', 'raid']"));
            Assert.That(duplicate.Fault, Does.StartWith("Deploy template invalid: Duplicate deploy steps. A deploy template cannot have multiple deploy steps"));
        });
    }

    [Test]
    public async Task ATemplatePatch_IsCheckedAsACreate_AndChangesNothingWhenRefused()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.55");
        await client.Post("/v1/deploy_templates", Template);

        var uuidPatch = await client.Patch("/v1/deploy_templates/CUSTOM_HYPERTHREADING_ON", """[{"op": "replace", "path": "/uuid", "value": "x"}]""");
        var badStep = await client.Patch("/v1/deploy_templates/CUSTOM_HYPERTHREADING_ON", """[{"op": "add", "path": "/steps/1", "value": {"interface": "bios"}}]""");

        Assert.Multiple(async () =>
        {
            Assert.That(uuidPatch.Fault, Is.EqualTo("Cannot patch /uuid. Only the following can be updated: extra, name, steps, description"));
            Assert.That(badStep.Fault, Is.EqualTo("Schema error for patch: 'step' is a required property"));
            Assert.That((await client.Get("/v1/deploy_templates/CUSTOM_HYPERTHREADING_ON")).Json["steps"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task ADeploy_WhoseInstanceTraitsNameATemplateOverridingTheCoreStep_Is400_AndValidationSaysWhy()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.55");
        var node = await client.CreateNode("n1", ", \"instance_info\": {\"traits\": [\"CUSTOM_A\"]}");
        await client.Put("/v1/nodes/n1/traits", """{"traits": ["CUSTOM_A"]}""");
        await client.Post("/v1/deploy_templates", """{"name": "CUSTOM_A", "steps": [{"interface": "deploy", "step": "deploy", "args": {}, "priority": 90}]}""");
        await client.Provision("n1", "manage");
        await client.Provision("n1", "provide");

        var deploy = await client.Provision("n1", "active");
        var validation = (await client.Get("/v1/nodes/n1/validate")).Json["deploy"]!;

        const string Why =
            "Validation of deploy steps from deploy templates matching this node's instance traits failed. Matching deploy templates: CUSTOM_A. " +
            "Errors: deploy step deploy on interface deploy is a core step and cannot be overridden by user steps. It may be disabled by setting the priority to 0";
        Assert.Multiple(async () =>
        {
            Assert.That(deploy.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(deploy.Fault, Is.EqualTo($"Failed to validate deploy or power info for node {node}: {Why}"));
            Assert.That(validation.ToJsonString(), Is.EqualTo(new JsonObject { ["result"] = false, ["reason"] = Why }.ToJsonString()));
            Assert.That((await client.Node("n1"))["provision_state"]!.GetValue<string>(), Is.EqualTo("available"));
        });
    }

    [Test]
    public async Task ADeploy_WhoseInstanceTraitsAreNotTheNodes_Is400()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.55");
        var node = await client.CreateNode("n1", ", \"instance_info\": {\"traits\": [\"CUSTOM_A\"]}");
        await client.Provision("n1", "manage");
        await client.Provision("n1", "provide");

        var deploy = await client.Provision("n1", "active");

        Assert.That(deploy.Fault, Is.EqualTo(
            $"Failed to validate deploy or power info for node {node}: Cannot specify instance traits that are not also set on the node. Node {node} is missing traits CUSTOM_A"));
    }
}
