using System.Net;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Tests.Runbooks;

public sealed class RunbookTests
{
    private const string Steps = "[{\"interface\": \"bios\", \"step\": \"factory_reset\", \"args\": {\"password\": \"s3cret\"}, \"order\": \"1\"}]";

    internal static async Task<JsonObject> Create(IronicClient client, string name, string extra = "", string version = "1.92")
    {
        var answer = await client.Post("/v1/runbooks", $"{{\"name\": \"{name}\", \"steps\": {Steps}{extra}}}", version);
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
        return answer.Json.AsObject();
    }

    [Test]
    public async Task Create_Is201WithLocation_StoresOrderAsAnInteger_AndMasksSecretArgs()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");

        var answer = await client.Post("/v1/runbooks", $"{{\"name\": \"CUSTOM_RESET\", \"steps\": {Steps}, \"extra\": {{\"a\": 1}}}}");
        var uuid = answer.Json["uuid"]!.GetValue<string>();
        var shown = (await client.Get($"/v1/runbooks/{uuid}")).Json.AsObject();
        var byName = await client.Get("/v1/runbooks/CUSTOM_RESET");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(answer.Headers.Location!.ToString(), Is.EqualTo($"http://localhost/v1/runbooks/{uuid}"));
        Assert.That(shown.Select(p => p.Key), Is.EqualTo(new[]
        {
            "uuid", "created_at", "updated_at", "name", "extra", "public", "owner", "disable_ramdisk", "links", "steps",
        }));
        Assert.That(shown["steps"]!.ToJsonString(), Is.EqualTo("[{\"interface\":\"bios\",\"step\":\"factory_reset\",\"args\":{\"password\":\"******\"},\"order\":1}]"));
        Assert.That(shown["public"]!.GetValue<bool>(), Is.False);
        Assert.That(shown["owner"], Is.Null);
        Assert.That(shown["updated_at"], Is.Null);
        Assert.That(shown["extra"]!.ToJsonString(), Is.EqualTo("{\"a\":1}"));
        Assert.That(byName.Json["uuid"]!.GetValue<string>(), Is.EqualTo(uuid));
    }

    [Test]
    public async Task From1_112_DescriptionAndTraitsAreShown_AndNamesNeedNotBeTraits()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.112");

        var created = await Create(client, "firmware-update.v2", ", \"description\": \"BIOS reset\"", version: "1.112");
        var old = (await client.Get("/v1/runbooks/firmware-update.v2", version: "1.111")).Json.AsObject();
        var oldCreate = await client.Post("/v1/runbooks", $"{{\"name\": \"other\", \"steps\": {Steps}}}", version: "1.111");
        var oldDescription = await client.Post("/v1/runbooks", $"{{\"name\": \"CUSTOM_X\", \"steps\": {Steps}, \"description\": \"x\"}}", version: "1.111");
        var traitsInBody = await client.Post("/v1/runbooks", $"{{\"name\": \"x\", \"steps\": {Steps}, \"traits\": [\"CUSTOM_A\"]}}", version: "1.112");

        Assert.That(created["description"]!.GetValue<string>(), Is.EqualTo("BIOS reset"));
        Assert.That(created["traits"]!.AsArray(), Is.Empty);
        Assert.That(old.ContainsKey("description") || old.ContainsKey("traits"), Is.False);
        Assert.That(oldCreate.Fault, Is.EqualTo(
            "Schema error for runbook: 'other' is not valid under any of the given schemas. Possible root cause: 'other' does not match '^CUSTOM_[A-Z0-9_]+$'"));
        Assert.That(oldDescription.Fault, Is.EqualTo("Schema error for runbook: Additional properties are not allowed ('description' was unexpected)"));
        Assert.That(traitsInBody.Fault, Is.EqualTo("Schema error for runbook: Additional properties are not allowed ('traits' was unexpected)"));
    }

    [Test]
    public async Task Below1_92_RunbooksDoNotExist_404ForGet405Otherwise_AndV1DoesNotLinkThem()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.91");

        var list = await client.Get("/v1/runbooks");
        var create = await client.Post("/v1/runbooks", $"{{\"name\": \"CUSTOM_A\", \"steps\": {Steps}}}");
        var delete = await client.Delete("/v1/runbooks/CUSTOM_A");
        var v1Old = (await client.Get("/v1")).Json.AsObject();
        var v1New = (await client.Get("/v1", version: "1.92")).Json.AsObject();

        Assert.That(list.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(list.Fault, Is.EqualTo("The API version does not allow runbooks"));
        Assert.That(create.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(delete.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(v1Old.ContainsKey("runbooks"), Is.False);
        Assert.That(v1New["runbooks"]![0]!["href"]!.GetValue<string>(), Is.EqualTo("http://localhost/v1/runbooks/"));
        Assert.That((await client.Get("/v1/runbooks", version: "1.92")).Json["runbooks"]!.AsArray(), Is.Empty, "nothing was created");
    }

    [Test]
    public async Task Release21_4_HasNoRunbooks()
    {
        using var factory = new SimulatorFactory(IronicCore.States.IronicRelease.Release21_4);
        using var client = factory.Client(version: null);

        var list = await client.Get("/v1/runbooks");
        var v1 = (await client.Get("/v1")).Json.AsObject();

        Assert.That(list.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(v1.ContainsKey("runbooks"), Is.False);
    }

    [TestCase("{\"steps\": [] , \"name\": \"CUSTOM_A\"}", "Schema error for runbook: [] is too short")]
    [TestCase("{\"name\": \"CUSTOM_A\"}", "Schema error for runbook: 'steps' is a required property")]
    [TestCase("{\"steps\": " + Steps + "}", "Schema error for runbook: 'name' is a required property")]
    [TestCase("{\"name\": null, \"steps\": " + Steps + "}", "Schema error for runbook: None is not of type 'string'")]
    [TestCase("{\"name\": \"CUSTOM_A\", \"steps\": {}}", "Schema error for runbook: {} is not of type 'array'")]
    [TestCase("{\"name\": \"CUSTOM_A\", \"steps\": " + Steps + ", \"foo\": 1}", "Schema error for runbook: Additional properties are not allowed ('foo' was unexpected)")]
    [TestCase("{\"name\": \"CUSTOM_A\", \"steps\": " + Steps + ", \"extra\": 1}", "Schema error for runbook: 1 is not of type 'object', 'null'")]
    [TestCase("{\"name\": \"CUSTOM_A\", \"steps\": [{\"interface\": \"foo\", \"step\": \"x\", \"order\": 1}]}",
        "Schema error for runbook: 'foo' is not one of ['vendor', 'power', 'management', 'firmware', 'deploy', 'bios', 'raid']")]
    [TestCase("{\"name\": \"CUSTOM_A\", \"steps\": [{\"interface\": \"bios\", \"step\": \"x\"}]}", "Schema error for runbook: 'order' is a required property")]
    [TestCase("{\"name\": \"CUSTOM_A\", \"steps\": [{\"interface\": \"bios\", \"step\": \"x\", \"order\": -1}]}",
        "Schema error for runbook: -1 is less than the minimum of 0")]
    [TestCase("{\"name\": \"CUSTOM_A\", \"steps\": [{\"interface\": \"bios\", \"step\": \"x\", \"order\": 1, \"args\": []}]}", "Schema error for runbook: [] is not of type 'object'")]
    [TestCase("{\"name\": \"CUSTOM_A\", \"steps\": [{\"interface\": \"raid\", \"step\": \"c\", \"order\": 0}, {\"interface\": \"raid\", \"step\": \"c\", \"order\": 1}]}",
        "Deploy template invalid: Duplicate deploy steps. A template cannot have multiple deploy steps with the same interface and step. Duplicates: interface: raid, step: c.")]
    [TestCase("{\"name\": \"CUSTOM_A\", \"steps\": " + Steps + ", \"uuid\": \"nope\"}", "Expected UUID for uuid: nope")]
    [TestCase("{\"name\": \"CUSTOM_A\", \"steps\": " + Steps + ", \"owner\": \"proj\"}",
        "Cannot create a runbook as a project scoped admin with an owner other than your own project.")]
    public async Task BadRunbook_Is400WithIronicsMessage_AndCreatesNothing(string body, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");

        var answer = await client.Post("/v1/runbooks", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
        Assert.That((await client.Get("/v1/runbooks")).Json["runbooks"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task RelaxedName_From1_112_IsCheckedAgainstTheUrlSafePattern()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.112");

        var answer = await client.Post("/v1/runbooks", $"{{\"name\": \"has space\", \"steps\": {Steps}}}");

        Assert.That(answer.Fault, Is.EqualTo("Schema error for runbook: 'has space' does not match '^[A-Za-z0-9\\\\-._~]+$'"));
    }

    [Test]
    public async Task DuplicateNameOrUuid_Is409()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");
        var first = await Create(client, "CUSTOM_A");

        var sameName = await client.Post("/v1/runbooks", $"{{\"name\": \"CUSTOM_A\", \"steps\": {Steps}}}");
        var sameUuid = await client.Post("/v1/runbooks", $"{{\"name\": \"CUSTOM_B\", \"steps\": {Steps}, \"uuid\": \"{first["uuid"]}\"}}");

        Assert.That(sameName.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(sameName.Fault, Is.EqualTo("A runbook with name CUSTOM_A already exists."));
        Assert.That(sameUuid.Fault, Is.EqualTo($"A runbook with UUID {first["uuid"]} already exists."));
    }

    [Test]
    public async Task List_ShowsUuidAndName_PagesWithNext_SortsAndFilters()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");
        var c = await Create(client, "CUSTOM_C");
        var a = await Create(client, "CUSTOM_A", ", \"public\": true");
        await Create(client, "CUSTOM_B");

        var first = (await client.Get("/v1/runbooks?limit=2")).Json;
        var second = (await client.Get(first["next"]!.GetValue<string>().Replace("http://localhost", string.Empty, StringComparison.Ordinal))).Json;
        var byName = (await client.Get("/v1/runbooks?sort_key=name&sort_dir=desc")).Json["runbooks"]!.AsArray().Select(r => r!["name"]!.GetValue<string>());
        var detail = (await client.Get("/v1/runbooks?detail=True")).Json["runbooks"]![0]!.AsObject();
        var fields = (await client.Get("/v1/runbooks?fields=name,steps")).Json["runbooks"]![0]!.AsObject();
        var publicOnly = (await client.Get("/v1/runbooks?project=true")).Json["runbooks"]!.AsArray();

        Assert.That(first["runbooks"]![0]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "uuid", "name", "links" }));
        Assert.That(first["runbooks"]!.AsArray().Select(r => r!["uuid"]!.GetValue<string>()), Is.EqualTo(new[] { c["uuid"]!.GetValue<string>(), a["uuid"]!.GetValue<string>() }));
        Assert.That(first["next"]!.GetValue<string>(), Is.EqualTo($"http://localhost/v1/runbooks?sort_key=id&sort_dir=asc&fields=uuid,name&limit=2&marker={a["uuid"]}"));
        Assert.That(second["runbooks"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "CUSTOM_B" }));
        Assert.That(second.AsObject().ContainsKey("next"), Is.False);
        Assert.That(byName, Is.EqualTo(new[] { "CUSTOM_C", "CUSTOM_B", "CUSTOM_A" }));
        Assert.That(detail.ContainsKey("steps"), Is.True);
        Assert.That(fields.Select(p => p.Key), Is.EqualTo(new[] { "name", "links", "steps" }));
        Assert.That(publicOnly.Select(r => r!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "CUSTOM_A" }));
    }

    [TestCase("/v1/runbooks?sort_key=steps", HttpStatusCode.BadRequest, "The sort_key value steps is an invalid field for sorting")]
    [TestCase("/v1/runbooks?sort_key=foo", HttpStatusCode.BadRequest, "The sort_key value \"foo\" is an invalid field for sorting")]
    [TestCase("/v1/runbooks?fields=name&detail=true", HttpStatusCode.BadRequest, "Can not specify ?detail=True and fields in the same request.")]
    [TestCase("/v1/runbooks?marker=d6e2b1f4-0000-4000-8000-000000000000", HttpStatusCode.NotFound, "Runbook d6e2b1f4-0000-4000-8000-000000000000 could not be found.")]
    [TestCase("/v1/runbooks/CUSTOM_A?fields=foo", HttpStatusCode.BadRequest, "Field(s) \"foo\" are not valid")]
    [TestCase("/v1/runbooks/CUSTOM_NONE", HttpStatusCode.NotFound, "Runbook CUSTOM_NONE could not be found.")]
    [TestCase("/v1/runbooks/a%20b", HttpStatusCode.BadRequest, "Expected UUID or name for runbook_ident: a b")]
    public async Task BadListOrShow_AnswersAsIronic(string path, HttpStatusCode status, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");
        await Create(client, "CUSTOM_A");

        var answer = await client.Get(path);

        Assert.That(answer.Status, Is.EqualTo(status));
        Assert.That(answer.Fault, Is.EqualTo(fault));
    }

    [Test]
    public async Task Patch_ChangesThePatchableFields_AndStampsUpdatedAt()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");
        await Create(client, "CUSTOM_A");

        var answer = await client.Patch("/v1/runbooks/CUSTOM_A",
            "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"relaxed-name\"}, {\"op\": \"replace\", \"path\": \"/disable_ramdisk\", \"value\": true}," +
            " {\"op\": \"add\", \"path\": \"/steps/-\", \"value\": {\"interface\": \"bios\", \"step\": \"cache_bios_settings\", \"order\": 2}}," +
            " {\"op\": \"replace\", \"path\": \"/owner\", \"value\": \"proj\"}]");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        Assert.That(answer.Json["name"]!.GetValue<string>(), Is.EqualTo("relaxed-name"), "a patch checks names with 1.112's schema at any version");
        Assert.That(answer.Json["disable_ramdisk"]!.GetValue<bool>(), Is.True);
        Assert.That(answer.Json["owner"]!.GetValue<string>(), Is.EqualTo("proj"));
        Assert.That(answer.Json["steps"]![1]!.ToJsonString(), Is.EqualTo("{\"interface\":\"bios\",\"step\":\"cache_bios_settings\",\"args\":{},\"order\":2}"));
        Assert.That(answer.Json["updated_at"], Is.Not.Null);
    }

    [TestCase("[{\"op\": \"replace\", \"path\": \"/uuid\", \"value\": \"x\"}]",
        "Cannot patch /uuid. Only the following can be updated: disable_ramdisk, extra, name, owner, public, steps")]
    [TestCase("[{\"op\": \"replace\", \"path\": \"/description\", \"value\": \"x\"}]",
        "Cannot patch /description. Only the following can be updated: disable_ramdisk, extra, name, owner, public, steps")]
    [TestCase("[{\"op\": \"remove\", \"path\": \"/steps/0\"}]", "Schema error for patch: [] is too short")]
    [TestCase("[{\"op\": \"remove\", \"path\": \"/name\"}]", "Schema error for patch: 'name' is a required property")]
    [TestCase("[{\"op\": \"replace\", \"path\": \"/steps/0/interface\", \"value\": \"foo\"}]",
        "Schema error for patch: 'foo' is not one of ['vendor', 'power', 'management', 'firmware', 'deploy', 'bios', 'raid']")]
    [TestCase("[{\"op\": \"replace\", \"path\": \"/public\", \"value\": true}, {\"op\": \"replace\", \"path\": \"/owner\", \"value\": \"p\"}]",
        "Couldn't apply patch '[{'op': 'replace', 'path': '/public', 'value': True}, {'op': 'replace', 'path': '/owner', 'value': 'p'}]'. Reason: There cannot be an owner for a public runbook")]
    public async Task BadPatch_Is400_AndChangesNothing(string patch, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");
        var before = await Create(client, "CUSTOM_A");

        var answer = await client.Patch("/v1/runbooks/CUSTOM_A", patch);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
        Assert.That((await client.Get("/v1/runbooks/CUSTOM_A")).Body, Is.EqualTo(before.ToJsonString(Http.IronicJson.Options)));
    }

    [Test]
    public async Task PatchToAnotherRunbooksName_Is409()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");
        await Create(client, "CUSTOM_A");
        await Create(client, "CUSTOM_B");

        var answer = await client.Patch("/v1/runbooks/CUSTOM_B", "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"CUSTOM_A\"}]");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(answer.Fault, Is.EqualTo("A runbook with name CUSTOM_A already exists."));
    }

    [Test]
    public async Task Delete_Is204_ThenTheRunbookIsGone()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.92");
        var created = await Create(client, "CUSTOM_A");

        var delete = await client.Delete($"/v1/runbooks/{created["uuid"]}");
        var again = await client.Delete("/v1/runbooks/CUSTOM_A");

        Assert.That(delete.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(again.Fault, Is.EqualTo("Runbook CUSTOM_A could not be found."));
    }
}
