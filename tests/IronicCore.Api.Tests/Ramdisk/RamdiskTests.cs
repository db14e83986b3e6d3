using System.Net;

namespace IronicCore.Api.Tests.Ramdisk;

public sealed class RamdiskTests
{
    private const string Mac = "52:54:00:12:34:56";

    [Test]
    public async Task AgentLooksUpByMacThenHeartbeats_AndCleaningStarts()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await InCleanWait(client);

        var lookup = await client.Get($"/v1/lookup?addresses={Mac.ToUpperInvariant()},zz", version: "1.62");
        var token = lookup.Json["config"]!["agent_token"]!.GetValue<string>();
        var second = await client.Get($"/v1/lookup?node_uuid={node}", version: "1.62");
        var heartbeat = await client.Post($"/v1/heartbeat/{node}", $"{{\"callback_url\": \"https://10.0.0.9:9999\", \"agent_token\": \"{token}\", \"agent_version\": \"9.4.0\"}}", version: "1.68");

        Assert.That(lookup.Status, Is.EqualTo(HttpStatusCode.OK), lookup.Body);
        Assert.That(lookup.Json["node"]!["uuid"]!.GetValue<string>(), Is.EqualTo(node));
        Assert.That(lookup.Json["node"]!["driver_internal_info"]!["agent_secret_token"]!.GetValue<string>(), Is.EqualTo("******"));
        Assert.That(lookup.Json["config"]!["heartbeat_timeout"]!.GetValue<int>(), Is.EqualTo(300));
        Assert.That(token, Is.Not.EqualTo("******"));
        Assert.That(second.Json["config"]!["agent_token"]!.GetValue<string>(), Is.EqualTo("******"), "a token is handed out once");
        Assert.That(heartbeat.Status, Is.EqualTo(HttpStatusCode.Accepted), heartbeat.Body);
        Assert.That(heartbeat.Body, Is.Empty);
        Assert.That(heartbeat.Headers.Location, Is.Null);
        Assert.That((await client.Node(node))["clean_step"]!.AsObject(), Is.Not.Empty);
    }

    [Test]
    public async Task HeartbeatWithAWrongToken_Is400AndChangesNothing()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await InCleanWait(client);
        await client.Get($"/v1/lookup?node_uuid={node}", version: "1.62");

        var answer = await client.Post($"/v1/heartbeat/{node}", "{\"callback_url\": \"https://10.0.0.9:9999\", \"agent_token\": \"guess\", \"agent_version\": \"9.4.0\"}", version: "1.68");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Invalid or missing agent token received."));
        Assert.That((await client.Node(node))["clean_step"]!.AsObject(), Is.Empty);
    }

    [TestCase("{\"agent_token\": \"t\"}", "Missing mandatory parameter: callback_url")]
    [TestCase("{\"callback_url\": \"https://10.0.0.9:9999\"}", "Agent token is required for heartbeat processing.")]
    [TestCase("{\"callback_url\": \"https://10.0.0.9:9999\", \"agent_token\": \"t\", \"agent_status\": \"bored\"}", "Agent status is invalid. Valid states are start,end,error.")]
    public async Task BadHeartbeat_Is400(string body, string message)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");

        var answer = await client.Post($"/v1/heartbeat/{node}", body, version: "1.72");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(message));
    }

    [Test]
    public async Task AgentVersionBefore1_36_IsNotRecognised()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");

        var answer = await client.Post($"/v1/heartbeat/{node}", "{\"callback_url\": \"https://a:1\", \"agent_token\": \"t\", \"agent_version\": \"9\"}", version: "1.30");

        Assert.That(answer.Fault, Is.EqualTo("Field \"agent_version\" not recognised"));
    }

    [Test]
    public async Task Lookup_NeedsAnAddressOrUuid_HidesWhyItFails_AndIsAbsentBefore1_22()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");

        var nothing = await client.Get("/v1/lookup?addresses=zz", version: "1.62");
        var wrongState = await client.Get($"/v1/lookup?node_uuid={node}", version: "1.62");
        var old = await client.Get($"/v1/lookup?node_uuid={node}", version: "1.21");

        Assert.That(nothing.Fault, Is.EqualTo("At least one of 'addresses' and 'node_uuid' parameters is required"));
        Assert.That(wrongState.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(wrongState.Fault, Is.EqualTo("Resource could not be found."));
        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<string> InCleanWait(IronicClient client)
    {
        var node = await client.CreateNode("n1", ", \"deploy_interface\": \"direct\"");
        await Lifecycle.Expect(client.Post("/v1/ports", $"{{\"address\": \"{Mac}\", \"node_uuid\": \"{node}\"}}"), HttpStatusCode.Created);
        await Lifecycle.Expect(client.Provision(node, "manage"));
        await Lifecycle.Settled(client, node, "manageable");
        await Lifecycle.Expect(client.Provision(node, "provide"));
        await Lifecycle.Settled(client, node, "clean wait");
        return node;
    }
}
