using System.Net;

namespace IronicCore.Api.Tests.Ports;

public sealed class PortTests
{
    [Test]
    public async Task CreateAsTheCliDoes_Is201WithLocation_AndTheMacLowerCased()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");

        var answer = await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:AB:CD:EF\", \"node_uuid\": \"{node}\", \"pxe_enabled\": \"true\"}}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
        var uuid = answer.Json["uuid"]!.GetValue<string>();
        Assert.That(answer.Headers.Location!.ToString(), Is.EqualTo($"http://localhost/v1/ports/{uuid}"));
        Assert.That(answer.Json["address"]!.GetValue<string>(), Is.EqualTo("52:54:00:ab:cd:ef"));
        Assert.That(answer.Json["pxe_enabled"]!.GetValue<bool>(), Is.True);
        Assert.That(answer.Json["node_uuid"]!.GetValue<string>(), Is.EqualTo(node));
    }

    [Test]
    public async Task ListShowPatchDelete()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");
        var n2 = await client.CreateNode("n2");
        var port = (await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:01\", \"node_uuid\": \"{node}\"}}")).Json["uuid"]!.GetValue<string>();

        var list = await client.Get("/v1/ports");
        var byNode = await client.Get("/v1/ports/detail?node=n1");
        var otherNode = await client.Get($"/v1/nodes/{n2}/ports");
        var patched = await client.Patch($"/v1/ports/{port}", "[{\"op\": \"add\", \"path\": \"/extra/switch\", \"value\": \"sw1\"}, {\"op\": \"replace\", \"path\": \"/pxe_enabled\", \"value\": \"False\"}]");
        var deleted = await client.Delete($"/v1/ports/{port}");

        Assert.That(list.Json["ports"]![0]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "uuid", "address", "links" }));
        Assert.That(byNode.Json["ports"]![0]!["node_uuid"]!.GetValue<string>(), Is.EqualTo(node));
        Assert.That(otherNode.Json["ports"]!.AsArray(), Is.Empty);
        Assert.That(patched.Json["extra"]!["switch"]!.GetValue<string>(), Is.EqualTo("sw1"));
        Assert.That(patched.Json["pxe_enabled"]!.GetValue<bool>(), Is.False);
        Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.Get($"/v1/ports/{port}")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task PortsGoWithTheirNode()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");
        await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:01\", \"node_uuid\": \"{node}\"}}");

        await client.Delete("/v1/nodes/n1");

        Assert.That((await client.Get("/v1/ports")).Json["ports"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task DuplicateMac_AnyCase_Is409()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");
        await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:0a\", \"node_uuid\": \"{node}\"}}");

        var answer = await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:0A\", \"node_uuid\": \"{node}\"}}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(answer.Fault, Is.EqualTo("A port with MAC address 52:54:00:00:00:0a already exists."));
    }

    [TestCase("{\"address\": \"52:54:00:00:00:01\", \"node_uuid\": \"n1\"}", "Expected UUID for node_uuid: n1")]
    [TestCase("{\"address\": \"not-a-mac\", \"node_uuid\": \"{node}\"}", "Expected valid MAC address for address: not-a-mac")]
    [TestCase("{\"node_uuid\": \"{node}\"}", "Schema error for port: 'address' is a required property")]
    [TestCase("{\"address\": \"52:54:00:00:00:01\", \"node_uuid\": \"{node}\", \"colour\": 1}", "Schema error for port: Additional properties are not allowed ('colour' was unexpected)")]
    public async Task BadPort_Is400AndCreatesNothing(string body, string message)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");

        var answer = await client.Post("/v1/ports", body.Replace("{node}", node, StringComparison.Ordinal));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(message));
        Assert.That((await client.Get("/v1/ports")).Json["ports"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task DeleteByMac_IsRefused_DeleteTakesAUuidOnly()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var answer = await client.Delete("/v1/ports/52:54:00:00:00:01");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Expected UUID for port_uuid: 52:54:00:00:00:01"));
    }
}
