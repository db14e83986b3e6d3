using System.Net;

namespace IronicCore.Api.Tests.Nodes;

public sealed class NodeListTests
{
    [Test]
    public async Task List_ShowsTheDefaultFieldsAndLinks()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var list = await client.Get("/v1/nodes");

        var node = list.Json["nodes"]![0]!.AsObject();
        Assert.That(node.Select(p => p.Key), Is.EquivalentTo(new[] { "uuid", "instance_uuid", "maintenance", "power_state", "provision_state", "name", "links" }));
        Assert.That(list.Json.AsObject().ContainsKey("next"), Is.False);
    }

    [Test]
    public async Task Detail_ShowsFullNodes_AndRefusesFields()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var detail = await client.Get("/v1/nodes/detail");
        var withFields = await client.Get("/v1/nodes/detail?fields=uuid");
        var both = await client.Get("/v1/nodes?detail=True&fields=uuid");

        Assert.That(detail.Json["nodes"]![0]!.AsObject().ContainsKey("driver_info"), Is.True);
        Assert.That(withFields.Fault, Is.EqualTo("Unexpected arguments: fields"));
        Assert.That(both.Fault, Is.EqualTo("Can not specify ?detail=True and fields in the same request."));
    }

    [Test]
    public async Task Filters_CombineWithAnd()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");
        await client.CreateNode("n2");
        await client.CreateNode("n3", ", \"owner\": \"team-a\"");
        await Lifecycle.ToAvailable(client, "n2");
        await Lifecycle.Expect(client.Put("/v1/nodes/n2/maintenance", "{\"reason\": \"disk\"}"));

        var maintenance = await client.Get("/v1/nodes?maintenance=True&provision_state=available&driver=fake-hardware");
        var owner = await client.Get("/v1/nodes?owner=team-a");
        var enroll = await client.Get("/v1/nodes?provision_state=enroll&maintenance=false");

        Assert.That(maintenance.Json["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "n2" }));
        Assert.That(owner.Json["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "n3" }));
        Assert.That(enroll.Json["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "n1", "n3" }));
    }

    [Test]
    public async Task Paging_NextAppearsOnFullPages_AndKeepsOnlySortingFieldsAndTruthyFlags()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var first = await client.CreateNode("n1");
        var second = await client.CreateNode("n2");

        var page1 = await client.Get("/v1/nodes?limit=1&maintenance=false&provision_state=enroll");
        var page2 = await client.Get($"/v1/nodes?limit=1&marker={first}");
        var page3 = await client.Get($"/v1/nodes?limit=1&marker={second}");

        Assert.That(page1.Json["nodes"]![0]!["uuid"]!.GetValue<string>(), Is.EqualTo(first));
        Assert.That(page1.Json["next"]!.GetValue<string>(), Is.EqualTo(
            $"http://localhost/v1/nodes?sort_key=id&sort_dir=asc&fields=instance_uuid,maintenance,power_state,provision_state,uuid,name&limit=1&marker={first}"));
        Assert.That(page2.Json["nodes"]![0]!["uuid"]!.GetValue<string>(), Is.EqualTo(second));
        Assert.That(page3.Json["nodes"]!.AsArray(), Is.Empty);
        Assert.That(page3.Json.AsObject().ContainsKey("next"), Is.False);
    }

    [Test]
    public async Task SortDescending_ReversesCreationOrder()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("a");
        await client.CreateNode("b");

        var list = await client.Get("/v1/nodes?sort_key=name&sort_dir=desc");

        Assert.That(list.Json["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "b", "a" }));
    }

    [TestCase("/v1/nodes?limit=0", HttpStatusCode.BadRequest, "Limit must be positive")]
    [TestCase("/v1/nodes?limit=abc", HttpStatusCode.BadRequest, "Expected an integer for limit: abc")]
    [TestCase("/v1/nodes?marker=nope", HttpStatusCode.BadRequest, "Expected UUID for marker: nope")]
    [TestCase("/v1/nodes?marker=0f1b8a57-0000-4000-8000-000000000000", HttpStatusCode.NotFound, "Node 0f1b8a57-0000-4000-8000-000000000000 could not be found.")]
    [TestCase("/v1/nodes?sort_key=properties", HttpStatusCode.BadRequest, "The sort_key value \"properties\" is an invalid field for sorting")]
    [TestCase("/v1/nodes?sort_dir=up", HttpStatusCode.BadRequest, "Invalid sort direction: up. Acceptable values are 'asc' or 'desc'")]
    [TestCase("/v1/nodes?provision_state=flying", HttpStatusCode.BadRequest, "Provision state \"flying\" is not valid")]
    [TestCase("/v1/nodes?maintenance=perhaps", HttpStatusCode.BadRequest, "Invalid maintenance: Unrecognized value 'perhaps', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'")]
    [TestCase("/v1/nodes?colour=red", HttpStatusCode.BadRequest, "Unexpected arguments: colour")]
    [TestCase("/v1/nodes?fields=colour", HttpStatusCode.BadRequest, "Field colour is not a valid field.")]
    public async Task BadQuery_GetsIronicsError(string path, HttpStatusCode status, string message)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answer = await client.Get(path);

        Assert.That(answer.Status, Is.EqualTo(status));
        Assert.That(answer.Fault, Is.EqualTo(message));
    }

    [Test]
    public async Task FilterNewerThanTheRequest_IsNotAcceptable()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.8");

        var answer = await client.Get("/v1/nodes?provision_state=enroll");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
    }
}
