using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.States;

public sealed class ConsoleTests
{
    private const string Ipmi = "{\"driver\": \"ipmi\", \"name\": \"b1\", \"driver_info\": {\"ipmi_address\": \"10.0.0.9\", \"ipmi_password\": \"p\"}}";

    private const string Disabled = "{\"console_enabled\":false,\"console_info\":null}";

    [TestCase(IronicRelease.Master)]
    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Release21_4)]
    public async Task FakeConsole_EnableShowDisable_AsIronicsFakeConsoleInterface(IronicRelease release)
    {
        using var factory = new SimulatorFactory(release);
        using var client = factory.Client("1.5");
        await client.CreateNode("n1");

        var off = await client.Get("/v1/nodes/n1/states/console");
        var enable = await client.Put("/v1/nodes/n1/states/console", "{\"enabled\": true}");
        var on = await client.Get("/v1/nodes/n1/states/console");
        var node = await client.Node("n1");
        var states = (await client.Get("/v1/nodes/n1/states")).Json;
        var disable = await client.Put("/v1/nodes/n1/states/console", "{\"enabled\": \"false\"}");
        var offAgain = await client.Get("/v1/nodes/n1/states/console");

        Assert.Multiple(() =>
        {
            Assert.That(off.Json.ToJsonString(), Is.EqualTo(Disabled));
            Assert.That(enable.Status, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(enable.Headers.Location!.AbsolutePath, Is.EqualTo("/v1/nodes/n1/states/console"));
            Assert.That(on.Json.ToJsonString(), Is.EqualTo("{\"console_enabled\":true,\"console_info\":{}}"));
            Assert.That(node["console_enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(states["console_enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(disable.Status, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(offAgain.Json.ToJsonString(), Is.EqualTo(Disabled));
        });
    }

    [Test]
    public async Task SetConsole_ToTheModeItIsIn_IsAcceptedAndChangesNothing_EvenWhileLocked()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");
        var before = (await client.Node("n1"))["updated_at"];

        var same = await client.Put("/v1/nodes/n1/states/console", "{\"enabled\": false}");

        Assert.That(same.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await client.Node("n1"))["updated_at"]?.ToString(), Is.EqualTo(before?.ToString()));
    }

    [Test]
    public async Task IpmiNode_HasNoConsole_SetIsUnsupportedDriverExtension_ShowSaysDisabled()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();
        await client.Post("/v1/nodes", Ipmi);

        var set = await client.Put("/v1/nodes/b1/states/console", "{\"enabled\": true}");
        var shown = await client.Get("/v1/nodes/b1/states/console");

        Assert.Multiple(() =>
        {
            Assert.That(set.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(set.Fault, Is.EqualTo("Driver ipmi does not support console (disabled or not implemented)."));
            Assert.That(shown.Json.ToJsonString(), Is.EqualTo(Disabled));
        });
    }

    [TestCase("{}", "Missing mandatory parameter: enabled")]
    [TestCase("{\"enabled\": \"maybe\"}", "Invalid enabled: Unrecognized value 'maybe', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'")]
    [TestCase("{\"enabled\": true, \"mode\": \"x\"}", "Unexpected arguments: mode")]
    public async Task SetConsole_BadArguments_Are400_AndChangeNothing(string body, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answer = await client.Put("/v1/nodes/n1/states/console", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
        Assert.That((await client.Node("n1"))["console_enabled"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Console_OfAnUnknownNode_IsNodeNotFound()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var answer = await client.Get("/v1/nodes/nope/states/console");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(answer.Fault, Is.EqualTo("Node nope could not be found."));
    }
}
