using System.Net;

namespace IronicCore.Api.Tests.Nodes;

public sealed class NodeCreateTests
{
    [Test]
    public async Task Create_Answers201WithLocationAndTheFullNodeInEnroll()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var answer = await client.Post("/v1/nodes", "{\"driver\": \"fake-hardware\", \"name\": \"n1\", \"driver_info\": {\"ipmi_address\": \"10.0.0.1\", \"ipmi_password\": \"s3cret\"}, \"properties\": {\"cpus\": 8}}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created));
        var node = answer.Json;
        var uuid = node["uuid"]!.GetValue<string>();
        Assert.That(answer.Headers.Location!.ToString(), Does.EndWith($"/v1/nodes/{uuid}"));
        Assert.That(node["provision_state"]!.GetValue<string>(), Is.EqualTo("enroll"));
        Assert.That(node["power_state"], Is.Null);
        Assert.That(node["driver_info"]!["ipmi_address"]!.GetValue<string>(), Is.EqualTo("10.0.0.1"));
        Assert.That(node["driver_info"]!["ipmi_password"]!.GetValue<string>(), Is.EqualTo("******"));
        Assert.That(node["properties"]!["cpus"]!.GetValue<int>(), Is.EqualTo(8));
        Assert.That(node["deploy_interface"]!.GetValue<string>(), Is.EqualTo("fake"));
    }

    [Test]
    public async Task CreateBelow1_11_IsBornAvailable()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.10");

        var answer = await client.Post("/v1/nodes", "{\"driver\": \"fake-hardware\"}");

        Assert.That(answer.Json["provision_state"]!.GetValue<string>(), Is.EqualTo("available"));
    }

    [TestCase("{\"name\": \"n1\"}", "Schema error for node: 'driver' is a required property")]
    [TestCase("{\"driver\": \"fake-hardware\", \"provision_state\": \"active\"}", "Schema error for node: Additional properties are not allowed ('provision_state' was unexpected)")]
    [TestCase("{\"driver\": \"fake-hardware\", \"name\": 5}", "Schema error for node: 5 is not of type 'string', 'null'")]
    [TestCase("{\"driver\": \"fake-hardware\", \"name\": \"bad name\"}", "Cannot create node with invalid name 'bad name'")]
    [TestCase("{\"driver\": \"fake-hardware\", \"name\": \"detail\"}", "The word \"detail\" is reserved and can not be used as a node name. Reserved words are: detail, maintenance, management, states, validate, vendor_passthru.")]
    [TestCase("{\"driver\": \"nosuch\"}", "No valid host was found. Reason: No conductor service registered which supports driver nosuch for conductor group \"\".")]
    [TestCase("{\"driver\": \"fake-hardware\", \"maintenance\": \"perhaps\"}", "Invalid maintenance: Unrecognized value 'perhaps', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'")]
    [TestCase("{\"driver\": \"fake-hardware\", \"uuid\": \"not-a-uuid\"}", "Expected UUID for uuid: not-a-uuid")]
    [TestCase("{\"driver\": \"fake-hardware\", \"power_interface\": \"ipmitool\"}", "power interface implementation 'ipmitool' is not supported by hardware type fake-hardware.")]
    [TestCase("[1, 2]", "Schema error for node: [1,2] is not of type 'object'")]
    public async Task BadCreate_Is400WithIronicsMessage_AndCreatesNothing(string body, string message)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var answer = await client.Post("/v1/nodes", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(message));
        Assert.That((await client.Get("/v1/nodes")).Json["nodes"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task DuplicateNameOrUuid_Is409()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n3");

        var name = await client.Post("/v1/nodes", "{\"driver\": \"fake-hardware\", \"name\": \"n3\"}");
        var sameUuid = await client.Post("/v1/nodes", $"{{\"driver\": \"fake-hardware\", \"uuid\": \"{uuid}\"}}");

        Assert.That(name.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(name.Fault, Is.EqualTo("A node with name n3 already exists."));
        Assert.That(sameUuid.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(sameUuid.Fault, Is.EqualTo($"A node with UUID {uuid} already exists."));
    }

    [Test]
    public async Task FieldNewerThanTheRequest_IsNotAcceptable()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.50");

        var answer = await client.Post("/v1/nodes", "{\"driver\": \"fake-hardware\", \"retired\": true}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(answer.Fault, Is.EqualTo("Request not acceptable."));
    }
}
