using System.Net;
using IronicCore.Configuration;

namespace IronicCore.Api.Tests.Nodes;

public sealed class NodeShowDeleteTests
{
    [Test]
    public async Task Show_ByNameOrUuid_WithFieldsReturnsThoseAndLinks()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");

        var byUuid = await client.Get($"/v1/nodes/{uuid}");
        var fields = await client.Get("/v1/nodes/n1?fields=uuid,provision_state");

        Assert.That(byUuid.Json["name"]!.GetValue<string>(), Is.EqualTo("n1"));
        Assert.That(fields.Json.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "uuid", "provision_state", "links" }));
    }

    [Test]
    public async Task UnknownNode_Is404NodeNotFound_ByteForByte()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var answer = await client.Get("/v1/nodes/nosuch");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(answer.Body, Is.EqualTo("{\"error_message\": \"{\\\"faultcode\\\": \\\"Client\\\", \\\"faultstring\\\": \\\"Node nosuch could not be found.\\\", \\\"debuginfo\\\": null}\"}"));
        Assert.That(answer.ContentHeaders.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(answer.Header("Openstack-Request-Id"), Does.StartWith("req-"));
        Assert.That(answer.Header("X-OpenStack-Request-Id"), Is.EqualTo(answer.Header("Openstack-Request-Id")), "master repeats it");
    }

    [Test]
    public async Task Delete_WithOctetStreamAndNoBody_Is204AndTheNodeIsGone()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answer = await client.Send(HttpMethod.Delete, "/v1/nodes/n1", tweak: r =>
        {
            r.Content = new ByteArrayContent([]);
            r.Content.Headers.ContentType = new("application/octet-stream");
        });

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(answer.Body, Is.Empty);
        Assert.That((await client.Get("/v1/nodes/n1")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task DeleteOfAnActiveNode_Is409AndKeepsIt()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");
        await Lifecycle.ToActive(client, "n1");

        var answer = await client.Delete("/v1/nodes/n1");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(answer.Fault, Does.StartWith("Can not delete node"));
        Assert.That((await client.Node("n1"))["provision_state"]!.GetValue<string>(), Is.EqualTo("active"));
    }

    // [conductor] allow_deleting_available_nodes (ironic/conf/conductor.py, True by default in 21.4
    // and master): destroy_node adds available to DELETE_ALLOWED_STATES only when it is set.
    [TestCase(true, HttpStatusCode.NoContent)]
    [TestCase(false, HttpStatusCode.Conflict)]
    public async Task DeleteOfAnAvailableNode_FollowsAllowDeletingAvailableNodes(bool allow, HttpStatusCode expected)
    {
        using var factory = new SimulatorFactory(conductor: new Conductor(new ConductorOptions { AllowDeletingAvailableNodes = allow }, seed: 42));
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");
        await Lifecycle.ToAvailable(client, "n1");

        var answer = await client.Delete("/v1/nodes/n1");

        Assert.That(answer.Status, Is.EqualTo(expected));
        if (!allow)
        {
            Assert.That(answer.Fault, Is.EqualTo(
                $"Can not delete node \"{uuid}\" while it is in provision state \"available\". Valid provision states to perform " +
                "deletion are: \"('manageable', 'enroll', 'adopt failed')\", or set the node into maintenance mode"));
        }

        Assert.That((await client.Get("/v1/nodes/n1")).Status, Is.EqualTo(allow ? HttpStatusCode.NotFound : HttpStatusCode.OK));
    }

    [Test]
    public async Task UnknownPathOrMethod_GetsTheRouterBody()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var missing = await client.Get("/v1/nosuch");
        var method = await client.Send(HttpMethod.Post, "/v1/nodes/detail", "{}");

        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Body, Is.EqualTo("{\"error_message\": \"{\\\"code\\\": 404, \\\"title\\\": \\\"Not Found\\\", \\\"description\\\": \\\"\\\"}\"}"));
        Assert.That(method.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task PathsWithoutV1OrWithTrailingSlash_AreV1()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        Assert.That((await client.Get("/nodes/n1")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.Get("/v1/nodes/?limit=1")).Status, Is.EqualTo(HttpStatusCode.OK));
    }
}
