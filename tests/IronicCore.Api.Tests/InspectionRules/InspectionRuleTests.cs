using System.Net;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Tests.InspectionRules;

public sealed class InspectionRuleTests
{
    private const string Rule =
        "{\"uuid\": \"5b7e0a5d-6d0e-4d8c-9b8e-3b4f1f0e2a11\", \"description\": \"raid nodes\", \"priority\": 10, " +
        "\"conditions\": [{\"op\": \"eq\", \"args\": {\"values\": [1, 1]}, \"force_strings\": true}], " +
        "\"actions\": [{\"op\": \"set-attribute\", \"args\": {\"path\": \"properties/raid\", \"value\": \"yes\"}}]}";

    private const string Uuid = "5b7e0a5d-6d0e-4d8c-9b8e-3b4f1f0e2a11";

    private static IronicClient Client(SimulatorFactory factory) => factory.Client("1.96");

    [Test]
    public async Task Create_Is201WithLocation_AndShowsTheRuleAsIronicConvertsIt()
    {
        using var factory = new SimulatorFactory();
        using var client = Client(factory);

        var created = await client.Post("/v1/inspection_rules", Rule);
        var shown = (await client.Get($"/v1/inspection_rules/{Uuid}")).Json;

        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created), created.Body);
        Assert.That(created.Header("Location"), Is.EqualTo($"http://localhost/v1/inspection_rules/{Uuid}"));
        Assert.That(shown["priority"]!.GetValue<long>(), Is.EqualTo(10));
        Assert.That(shown["phase"]!.GetValue<string>(), Is.EqualTo("main"));
        Assert.That(shown["sensitive"]!.GetValue<bool>(), Is.False);
        Assert.That(shown["updated_at"], Is.Null);
        Assert.That(shown["created_at"]!.GetValue<string>(), Does.EndWith("+00:00"));
        Assert.That(shown["conditions"]!.ToJsonString(), Is.EqualTo("[{\"op\":\"eq\",\"args\":{\"values\":[1,1]}}]"), "only op, args and a loop are shown");
        Assert.That(shown["links"]![0]!["href"]!.GetValue<string>(), Is.EqualTo($"http://localhost/v1/inspection/{Uuid}"), "Ironic links rules under 'inspection'");
    }

    [Test]
    public async Task SensitiveRule_HidesConditionsAndActions_InShowAndDetailList()
    {
        using var factory = new SimulatorFactory();
        using var client = Client(factory);
        await client.Post("/v1/inspection_rules", Rule.Replace("\"priority\": 10", "\"priority\": 10, \"sensitive\": true", StringComparison.Ordinal));

        var shown = (await client.Get($"/v1/inspection_rules/{Uuid}")).Json;
        var listed = (await client.Get("/v1/inspection_rules?detail=true")).Json["inspection_rules"]![0]!;

        Assert.That(shown["sensitive"]!.GetValue<bool>(), Is.True);
        Assert.That(shown.AsObject().ContainsKey("conditions") && shown["conditions"] is null, Is.True);
        Assert.That(shown["actions"], Is.Null);
        Assert.That(listed["actions"], Is.Null);
    }

    [Test]
    public async Task SensitiveFlag_CanBeSetByPatch_ButNeverUnset()
    {
        using var factory = new SimulatorFactory();
        using var client = Client(factory);
        await client.Post("/v1/inspection_rules", Rule);

        var set = await client.Patch($"/v1/inspection_rules/{Uuid}", "[{\"op\": \"replace\", \"path\": \"/sensitive\", \"value\": true}]");
        var unset = await client.Patch($"/v1/inspection_rules/{Uuid}", "[{\"op\": \"replace\", \"path\": \"/sensitive\", \"value\": false}]");

        Assert.That(set.Status, Is.EqualTo(HttpStatusCode.OK), set.Body);
        Assert.That(set.Json["updated_at"], Is.Not.Null);
        Assert.That(unset.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unset.Fault, Is.EqualTo(
            "Couldn't apply patch '[{'op': 'replace', 'path': '/sensitive', 'value': False}]'. Reason: Inspection rules cannot have the sensitive flag unset."));
        Assert.That((await client.Get($"/v1/inspection_rules/{Uuid}")).Json["sensitive"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Patch_ChecksThePatchedRuleAgainstTheSchema_AndChangesNothingWhenRefused()
    {
        using var factory = new SimulatorFactory();
        using var client = Client(factory);
        await client.Post("/v1/inspection_rules", Rule);

        var negative = await client.Patch($"/v1/inspection_rules/{Uuid}", "[{\"op\": \"replace\", \"path\": \"/priority\", \"value\": -1}]");
        var noActions = await client.Patch($"/v1/inspection_rules/{Uuid}", "[{\"op\": \"remove\", \"path\": \"/actions\"}]");
        var ok = await client.Patch($"/v1/inspection_rules/{Uuid}", "[{\"op\": \"replace\", \"path\": \"/description\", \"value\": \"new\"}]");

        Assert.That(negative.Fault, Is.EqualTo("Schema error for patch: -1 is less than the minimum of 0"));
        Assert.That(noActions.Fault, Is.EqualTo("Schema error for patch: 'actions' is a required property"));
        Assert.That(ok.Json["description"]!.GetValue<string>(), Is.EqualTo("new"));
        Assert.That(ok.Json["priority"]!.GetValue<long>(), Is.EqualTo(10));
    }

    [Test]
    public async Task Patch_OfAColumnOutsideTheSchema_IsAcceptedAndDropped_AndANewRootAttributeIsRefused()
    {
        using var factory = new SimulatorFactory();
        using var client = Client(factory);
        await client.Post("/v1/inspection_rules", Rule);

        var scope = await client.Patch($"/v1/inspection_rules/{Uuid}", "[{\"op\": \"replace\", \"path\": \"/scope\", \"value\": \"x\"}]");
        var added = await client.Patch($"/v1/inspection_rules/{Uuid}", "[{\"op\": \"add\", \"path\": \"/colour\", \"value\": \"x\"}]");

        Assert.That(scope.Status, Is.EqualTo(HttpStatusCode.OK), scope.Body);
        Assert.That(scope.Json.AsObject().ContainsKey("scope"), Is.False);
        Assert.That(scope.Json["updated_at"], Is.Null, "nothing stored changed");
        Assert.That(added.Fault, Is.EqualTo("Adding a new attribute (/colour) to the root of the resource is not allowed"));
    }

    [TestCase("{\"conditions\": []}", 400, "Schema error: 'actions' is a required property")]
    [TestCase("{\"actions\": []}", 400, "Schema error: [] should be non-empty")]
    [TestCase("{\"actions\": [{\"op\": \"explode\", \"args\": {}}]}", 400,
        "Schema error: 'explode' is not one of ['fail', 'log', 'set-attribute', 'extend-attribute', 'del-attribute', 'set-capability', 'unset-capability', 'add-trait', 'remove-trait', 'set-plugin-data', 'extend-plugin-data', 'unset-plugin-data', 'set-port-attribute', 'extend-port-attribute', 'del-port-attribute', 'api-call']")]
    [TestCase("{\"actions\": [{\"op\": \"fail\", \"args\": \"boom\"}]}", 400, "Schema error: 'boom' is not of type 'array', 'object'")]
    [TestCase("{\"actions\": [{\"op\": \"fail\", \"args\": {\"msg\": \"x\"}}], \"priority\": -1}", 400, "Schema error: -1 is less than the minimum of 0")]
    [TestCase("{\"actions\": [{\"op\": \"fail\", \"args\": {\"msg\": \"x\"}}], \"scope\": \"a\"}", 400, "Schema error: Additional properties are not allowed ('scope' was unexpected)")]
    [TestCase("{\"actions\": [{\"op\": \"fail\", \"args\": {\"msg\": \"x\"}}], \"conditions\": [{\"op\": \"eq\", \"args\": {}, \"multiple\": \"most\"}]}", 400,
        "Schema error: 'most' is not one of ['any', 'all', 'first', 'last']")]
    [TestCase("{\"actions\": [{\"op\": \"fail\", \"args\": {\"msg\": \"x\"}}], \"phase\": \"late\"}", 400, "Invalid phase: late. Valid phases are: main")]
    [TestCase("{\"actions\": [{\"op\": \"fail\", \"args\": {\"msg\": \"x\"}}], \"priority\": 10000, \"phase\": \"late\"}", 400,
        "Multiple validation errors occurred: Invalid phase: late. Valid phases are: main; Priority must be between 0 and 9999 for user-defined rules.")]
    [TestCase("{\"actions\": [{\"op\": \"fail\", \"args\": {\"message\": \"x\"}}]}", 500, "missing required argument(s): msg; unexpected argument(s): message")]
    [TestCase("{\"actions\": [{\"op\": \"fail\", \"args\": {\"msg\": \"x\"}}], \"conditions\": [{\"op\": \"!in-net\", \"args\": {\"address\": \"10.0.0.1\"}}]}", 500,
        "missing required argument(s): subnet")]
    public async Task BadRule_IsRefusedWithIronicsAnswer_AndNothingIsStored(string body, int status, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = Client(factory);

        var answer = await client.Post("/v1/inspection_rules", body);

        Assert.That((int)answer.Status, Is.EqualTo(status));
        Assert.That(answer.Fault, Is.EqualTo(fault));
        Assert.That((await client.Get("/v1/inspection_rules")).Json["inspection_rules"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task PluginDataActions_StoreAnEmptyPluginData_AsIronicsValidationDoes()
    {
        using var factory = new SimulatorFactory();
        using var client = Client(factory);

        var created = await client.Post("/v1/inspection_rules", "{\"actions\": [{\"op\": \"set-plugin-data\", \"args\": {\"path\": \"a\", \"value\": 1}}]}");

        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created), created.Body);
        Assert.That(created.Json["actions"]![0]!["args"]!.ToJsonString(), Is.EqualTo("{\"path\":\"a\",\"value\":1,\"plugin_data\":{}}"));
    }

    [Test]
    public async Task List_ShowsDefaultFields_PagesWithIronicsNextLink_AndOrdersByPriority()
    {
        using var factory = new SimulatorFactory();
        using var client = Client(factory);
        foreach (var priority in new[] { 5, 50, 20 })
        {
            await client.Post("/v1/inspection_rules", $"{{\"priority\": {priority}, \"actions\": [{{\"op\": \"log\", \"args\": {{\"msg\": \"p{priority}\"}}}}]}}");
        }

        var page = (await client.Get("/v1/inspection_rules?limit=2&sort_key=priority&sort_dir=desc&phase=main")).Json;
        var rules = page["inspection_rules"]!.AsArray();
        var next = page["next"]!.GetValue<string>();
        var rest = (await client.Get(next.Replace("/v1/inspection?", "/v1/inspection_rules?", StringComparison.Ordinal)
            .Replace("filters={'phase': 'main'}&", string.Empty, StringComparison.Ordinal))).Json["inspection_rules"]!.AsArray();

        Assert.That(rules.Select(r => r!["priority"]!.GetValue<long>()), Is.EqualTo(new long[] { 50, 20 }));
        Assert.That(rules[0]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "uuid", "description", "priority", "phase", "links" }));
        Assert.That(next, Is.EqualTo(
            $"http://localhost/v1/inspection?filters={{'phase': 'main'}}&sort_key=priority&sort_dir=desc&fields=uuid,priority,phase,description&limit=2&marker={rules[1]!["uuid"]}"));
        Assert.That(rest.Select(r => r!["priority"]!.GetValue<long>()), Is.EqualTo(new long[] { 5 }));
    }

    [TestCase("?sort_key=actions", "Schema error: 'actions' should not be valid under {'type': 'string', 'enum': ['actions', 'conditions']}")]
    [TestCase("?sort_key=bogus", "The sort_key value \"bogus\" is an invalid field for sorting")]
    [TestCase("?sort_dir=up", "Schema error: 'up' is not one of ['asc', 'desc']")]
    [TestCase("?detail=true&fields=uuid", "Can not specify ?detail=True and fields in the same request.")]
    [TestCase("?fields=uuid,colour", "Field(s) \"colour\" are not valid")]
    [TestCase("?scope=x", "Unexpected arguments: scope")]
    public async Task BadListQuery_Is400WithIronicsMessage(string query, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = Client(factory);
        await client.Post("/v1/inspection_rules", Rule);

        var answer = await client.Get("/v1/inspection_rules" + query);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
    }

    [Test]
    public async Task ShowAndDelete_AskForAUuid_AndAnUnknownRuleIs404()
    {
        using var factory = new SimulatorFactory();
        using var client = Client(factory);
        await client.Post("/v1/inspection_rules", Rule);

        var notUuid = await client.Get("/v1/inspection_rules/raid");
        var unknown = await client.Delete("/v1/inspection_rules/0d8f6a51-7a35-4b8b-8d6e-0e5b1c6a9f00");
        var deleted = await client.Delete($"/v1/inspection_rules/{Uuid}");
        var gone = await client.Get($"/v1/inspection_rules/{Uuid}");

        Assert.That(notUuid.Fault, Is.EqualTo("Schema error: 'raid' is not a 'uuid'"));
        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.Fault, Is.EqualTo("Rule 0d8f6a51-7a35-4b8b-8d6e-0e5b1c6a9f00 could not be found."));
        Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(gone.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task DuplicateUuid_Is409()
    {
        using var factory = new SimulatorFactory();
        using var client = Client(factory);
        await client.Post("/v1/inspection_rules", Rule);

        var again = await client.Post("/v1/inspection_rules", Rule);

        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(again.Fault, Is.EqualTo($"A rule with UUID {Uuid} already exists."));
    }

    [Test]
    public async Task Below1_96_ReadsAre404AndWritesAre405_SayingWhy_AndV1DoesNotLinkThem()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.95");

        var list = await client.Get("/v1/inspection_rules");
        var create = await client.Post("/v1/inspection_rules", Rule);
        var delete = await client.Delete($"/v1/inspection_rules/{Uuid}");
        var v1Old = (await client.Get("/v1")).Json.AsObject();
        var v1New = (await client.Get("/v1", "1.96")).Json.AsObject();

        Assert.That(list.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(list.Fault, Is.EqualTo("The API version does not allow inspection rules"));
        Assert.That(create.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(delete.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(v1Old.ContainsKey("inspection_rules"), Is.False);
        Assert.That(v1New["inspection_rules"]![0]!["href"]!.GetValue<string>(), Is.EqualTo("http://localhost/v1/inspection_rules/"));
    }

    [Test]
    public async Task Release21_4_HasNoInspectionRules()
    {
        using var factory = new SimulatorFactory(IronicCore.States.IronicRelease.Release21_4);
        using var client = factory.Client("1.82");

        var list = await client.Get("/v1/inspection_rules");

        Assert.That(list.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
