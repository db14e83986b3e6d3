using System.Net;

namespace IronicCore.Api.Tests.States;

/// <summary>
/// Ironic's <c>IndicatorController</c> with fake management: the list, an indicator's state, and the
/// controller's own checks (<c>IndicatorAtComponent</c>'s name, the mandatory state; no version gate).
/// </summary>
public sealed class IndicatorTests
{
    [Test]
    public async Task List_HasFakesChassisAndSystemLeds_WithUniqueNamesAndLinks()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.63");
        await client.CreateNode("n1");

        var answer = await client.Get("/v1/nodes/n1/management/indicators");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        var indicators = answer.Json["indicators"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(indicators.Select(i => i!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "led-0@chassis", "led@system" }));
            Assert.That(indicators.Select(i => i!["readonly"]!.GetValue<bool>()), Is.EqualTo(new[] { true, false }));
            Assert.That(indicators[0]!["states"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "off", "on" }));
            Assert.That(indicators[1]!["links"]!.AsArray().Select(l => new Uri(l!["href"]!.GetValue<string>()).AbsolutePath),
                Is.EqualTo(new[] { "/v1/nodes/n1/management/indicators/led@system", "/nodes/n1/management/indicators/led@system" }));
        });
    }

    [Test]
    public async Task GetState_OfAFakeIndicator_IsOn()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.63");
        await client.CreateNode("n1");

        var answer = await client.Get("/v1/nodes/n1/management/indicators/led-0@chassis");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        Assert.That(answer.Json.ToJsonString(), Is.EqualTo("{\"state\":\"on\"}"));
    }

    [TestCase("GET", "led", "Malformed indicator name \"led\"")]
    [TestCase("GET", "led@disk", "Invalid component disk specified.")]
    [TestCase("GET", "led-1@chassis", "Invalid indicator led-1 specified.")]
    [TestCase("PUT", "led", "Malformed indicator name \"led\"")]
    [TestCase("PUT", "led@system", "Driver fake-hardware does not support set_indicator_state (disabled or not implemented).")]
    public async Task BadIndicators_AreRefused400_WithIronicsWords(string method, string indicator, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.63");
        await client.CreateNode("n1");

        var path = $"/v1/nodes/n1/management/indicators/{indicator}";
        var answer = method == "GET" ? await client.Get(path) : await client.Put(path, "{\"state\": \"on\"}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
    }

    [Test]
    public async Task SetState_WithoutAState_IsAMissingMandatoryParameter()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.63");
        await client.CreateNode("n1");

        var answer = await client.Put("/v1/nodes/n1/management/indicators/led@system", "{}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Missing mandatory parameter: state"));
    }

    [Test]
    public async Task Indicators_HaveNoVersionGate_AsIronicsControllerChecksNone()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.63");
        using var old = factory.Client("1.1");
        await client.CreateNode("n1");
        var uuid = (await client.Node("n1"))["uuid"]!.GetValue<string>();

        var answer = await old.Get($"/v1/nodes/{uuid}/management/indicators");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
    }

    [Test]
    public async Task Indicators_OfAnUnknownNode_AreNodeNotFound()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.63");

        var answer = await client.Get("/v1/nodes/nope/management/indicators");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(answer.Fault, Is.EqualTo("Node nope could not be found."));
    }
}
