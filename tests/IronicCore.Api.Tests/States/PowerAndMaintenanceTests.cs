using System.Net;

namespace IronicCore.Api.Tests.States;

public sealed class PowerAndMaintenanceTests
{
    [Test]
    public async Task PowerOnThenOff_Is202AndTheStateFollows()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var on = await client.Put("/v1/nodes/n1/states/power", "{\"target\": \"power on\"}");
        await Lifecycle.Expect(client.Post("/_sim/advance", "{\"seconds\": 30}"), HttpStatusCode.OK);
        var powered = await client.Node("n1");
        var off = await client.Put("/v1/nodes/n1/states/power", "{\"target\": \"power off\", \"timeout\": 30}");
        await Lifecycle.Expect(client.Post("/_sim/advance", "{\"seconds\": 30}"), HttpStatusCode.OK);

        Assert.That(on.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(on.Headers.Location!.ToString(), Is.EqualTo("http://localhost/v1/nodes/n1/states"));
        Assert.That(powered["power_state"]!.GetValue<string>(), Is.EqualTo("power on"));
        Assert.That(off.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await client.Node("n1"))["power_state"]!.GetValue<string>(), Is.EqualTo("power off"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task UnknownPowerTarget_IsInvalidStateRequestedWithThePowerState_NamingTheNodeAsTheRequestDid(bool byUuid)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");
        var ident = byUuid ? uuid : "n1";

        var answer = await client.Put($"/v1/nodes/{ident}/states/power", "{\"target\": \"on\"}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo($"The requested action \"on\" can not be performed on node \"{ident}\" while it is in state \"None\"."));
    }

    [Test]
    public async Task PowerRequest_WithAnInvalidNodeIdent_IsRefusedByTheArgumentValidator()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var answer = await client.Put("/v1/nodes/bad%20name/states/power", "{\"target\": \"power on\"}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Expected UUID or name for node_ident: bad name"));
    }

    [Test]
    public async Task PowerTimeoutBelowOneSecond_Is400()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answer = await client.Put("/v1/nodes/n1/states/power", "{\"target\": \"power off\", \"timeout\": 0}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("timeout has to be positive integer"));
    }

    [Test]
    public async Task MaintenanceSetAndUnset_Are202WithoutLocation_AndUnsetClearsTheReason()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var set = await client.Put("/v1/nodes/n1/maintenance", "{\"reason\": \"disk\"}");
        var during = await client.Node("n1");
        var unset = await client.Send(HttpMethod.Delete, "/v1/nodes/n1/maintenance");
        var after = await client.Node("n1");

        Assert.That(set.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(set.Headers.Location, Is.Null);
        Assert.That(during["maintenance"]!.GetValue<bool>(), Is.True);
        Assert.That(during["maintenance_reason"]!.GetValue<string>(), Is.EqualTo("disk"));
        Assert.That(unset.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(after["maintenance"]!.GetValue<bool>(), Is.False);
        Assert.That(after["maintenance_reason"], Is.Null);
    }

    [Test]
    public async Task MaintenanceWithNullReason_HasNoReason()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        await Lifecycle.Expect(client.Put("/v1/nodes/n1/maintenance", "{\"reason\": null}"));

        Assert.That((await client.Node("n1"))["maintenance_reason"], Is.Null);
    }

    [Test]
    public async Task Validate_ReportsEveryInterface()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answer = await client.Get("/v1/nodes/n1/validate");

        Assert.That(answer.Json.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "boot", "deploy", "management", "network", "power", "bios", "console", "inspect", "raid", "rescue", "storage" }));
        Assert.That(answer.Json["power"]!["result"]!.GetValue<bool>(), Is.True);
    }
}
