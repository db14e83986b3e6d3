using System.Net;

namespace IronicCore.Api.Tests.Errors;

public sealed class BadInputTests
{
    [TestCase("/v1/nodes", "POST")]
    [TestCase("/v1/nodes/n1", "PATCH")]
    [TestCase("/v1/nodes/n1/states/provision", "PUT")]
    [TestCase("/v1/ports", "POST")]
    public async Task MalformedJson_IsAServerFaultAsInIronic_AndChangesNothing(string path, string method)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");
        var before = (await client.Node("n1")).ToJsonString();

        var answer = await client.Send(new HttpMethod(method), path, "{\"driver\": ");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(answer.Fault, Does.StartWith("Malformed JSON in request body"));
        Assert.That((await client.Node("n1")).ToJsonString(), Is.EqualTo(before));
        Assert.That((await client.Get("/v1/nodes")).Json["nodes"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DescriptionOver4096_IsASchemaError()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var answer = await client.Post("/v1/nodes", $"{{\"driver\": \"fake-hardware\", \"description\": \"{new string('d', 4097)}\"}}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Does.EndWith("is too long"));
    }

    [TestCase("{\"target\": 5}", "Expected string for target: 5")]
    [TestCase("{\"target\": true}", "Expected string for target: True")]
    [TestCase("{\"target\": [\"power on\"]}", "Expected string for target: ['power on']")]
    [TestCase("{\"target\": \"power on\", \"timeout\": \"soon\"}", "Expected an integer for timeout: soon")]
    [TestCase("{\"target\": \"power on\", \"timeout\": {\"s\": 1}}", "Expected an integer for timeout: {'s': 1}")]
    [TestCase("{}", "Missing mandatory parameter: target")]
    [TestCase("{\"target\": \"power on\", \"timeout\": \"0\"}", "timeout has to be positive integer")]
    public async Task WrongTypesInPowerRequests_Are400_InIronicsValidatorsWords(string body, string message)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answer = await client.Put("/v1/nodes/n1/states/power", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(message));
        Assert.That((await client.Node("n1"))["target_power_state"], Is.Null);
    }

    [Test]
    public async Task UnknownNodeEverywhere_Is404()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        foreach (var answer in new[]
        {
            await client.Provision("ghost", "manage"),
            await client.Put("/v1/nodes/ghost/states/power", "{\"target\": \"power on\"}"),
            await client.Put("/v1/nodes/ghost/maintenance", "{}"),
            await client.Patch("/v1/nodes/ghost", "[{\"op\": \"add\", \"path\": \"/extra/a\", \"value\": 1}]"),
            await client.Delete("/v1/nodes/ghost"),
            await client.Get("/v1/nodes/ghost/validate"),
        })
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound), answer.Body);
            Assert.That(answer.Fault, Is.EqualTo("Node ghost could not be found."));
        }
    }

    // Real Ironic 21.4 (python3-ironic's API, sqlite, noauth) answers GET /v1/nodes/bad%20name from
    // NodesController._lookup, a pecan abort: the router's body, "Expected UUID or name for node: bad
    // name" (the simulator said "Expected a logical name or UUID but received bad name.", which is
    // get_rpc_node's InvalidUuidOrName, never reached for such an ident).
    [Test]
    public async Task InvalidIdent_IsExpectedANameOrUuid()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var answer = await client.Get("/v1/nodes/bad%20name");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Expected UUID or name for node: bad name"));
    }
}
