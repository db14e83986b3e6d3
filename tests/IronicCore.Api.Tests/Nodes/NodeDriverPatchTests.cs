using System.Net;

namespace IronicCore.Api.Tests.Nodes;

/// <summary>
/// <c>PATCH /v1/nodes/{node}</c> on <c>/driver</c> and the <c>*_interface</c> fields, as Ironic's
/// API (<c>api/controllers/v1/node.py</c> <c>patch</c>, <c>_validate_patch</c>) and conductor
/// (<c>conductor/manager.py</c> <c>update_node</c>, <c>common/driver_factory.py</c>
/// <c>check_and_update_node_interfaces</c>) do it: the driver changes, keeping the node's
/// interfaces (each must be one the new type supports, else <c>IncompatibleInterface</c> 400) or,
/// with <c>reset_interfaces=true</c> (1.45), taking the new type's defaults; an interface given
/// a new value changes only in enroll, inspecting, inspect wait, manageable, available or in
/// maintenance (<c>InvalidState</c> 409). Never a 200 that changes nothing.
/// </summary>
public sealed class NodeDriverPatchTests
{
    private const string DriverToIpmi = "[{\"op\": \"replace\", \"path\": \"/driver\", \"value\": \"ipmi\"}]";

    [Test]
    public async Task Driver_WithResetInterfaces_ChangesTheDriverAndTakesItsDefaultInterfaces()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client("1.45");
        await client.CreateNode("n1");

        var answer = await client.Patch("/v1/nodes/n1?reset_interfaces=true", DriverToIpmi);
        var shown = (await client.Get("/v1/nodes/n1")).Json;

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        Assert.That(shown["driver"]!.GetValue<string>(), Is.EqualTo("ipmi"));
        Assert.That(
            new[] { "power", "management", "boot", "deploy", "inspect", "rescue", "bios", "console", "raid", "storage", "vendor" }
                .Select(i => shown[$"{i}_interface"]!.GetValue<string>()),
            Is.EqualTo(new[] { "ipmitool", "ipmitool", "pxe", "direct", "no-inspect", "no-rescue", "no-bios", "no-console", "no-raid", "noop", "ipmitool" }),
            "ipmi's vendor interface is ipmitool, the first it supports of those Ironic enables");
        Assert.That(factory.Conductor.GetNode("n1").PowerInterface, Is.EqualTo("ipmitool"));
    }

    [Test]
    public async Task Driver_KeepingInterfacesTheNewTypeLacks_IsIncompatibleInterface400_AndChangesNothing()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client("1.45");
        await client.CreateNode("n1");

        var answer = await client.Patch("/v1/nodes/n1", DriverToIpmi);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Does.Match("^[a-z]+ interface implementation '[a-z-]+' is not supported by hardware type ipmi\\.$"));
        Assert.That((await client.Node("n1"))["driver"]!.GetValue<string>(), Is.EqualTo("fake-hardware"));
    }

    [Test]
    public async Task Driver_WithEveryInterfaceGiven_ChangesWithoutReset()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client("1.45");
        await client.CreateNode("n1");
        var interfaces = new Dictionary<string, string>
        {
            ["bios"] = "no-bios", ["boot"] = "pxe", ["console"] = "no-console", ["deploy"] = "direct", ["inspect"] = "no-inspect",
            ["management"] = "ipmitool", ["power"] = "ipmitool", ["raid"] = "no-raid", ["rescue"] = "agent", ["storage"] = "noop",
            ["vendor"] = "ipmitool",
        };

        var answer = await client.Patch("/v1/nodes/n1", "[{\"op\": \"replace\", \"path\": \"/driver\", \"value\": \"ipmi\"}, " +
            string.Join(", ", interfaces.Select(i => $"{{\"op\": \"replace\", \"path\": \"/{i.Key}_interface\", \"value\": \"{i.Value}\"}}")) + "]");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        Assert.That(answer.Json["driver"]!.GetValue<string>(), Is.EqualTo("ipmi"));
        Assert.That(answer.Json["rescue_interface"]!.GetValue<string>(), Is.EqualTo("agent"));
    }

    [Test]
    public async Task ResetInterfaces_WithoutADriverValue_IsInvalid400_AndBelow1_45_Is406()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client("1.45");
        await client.CreateNode("n1");

        var noDriver = await client.Patch("/v1/nodes/n1?reset_interfaces=true", "[{\"op\": \"add\", \"path\": \"/extra/a\", \"value\": \"b\"}]");
        var sameDriver = await client.Patch("/v1/nodes/n1?reset_interfaces=true", "[{\"op\": \"replace\", \"path\": \"/driver\", \"value\": \"fake-hardware\"}]");
        var old = await client.Patch("/v1/nodes/n1?reset_interfaces=true", DriverToIpmi, version: "1.44");

        Assert.That(noDriver.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(noDriver.Fault, Is.EqualTo("The reset_interfaces parameter can only be used when changing the node's driver."));
        Assert.That(sameDriver.Status, Is.EqualTo(HttpStatusCode.OK), sameDriver.Body);
        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That((await client.Node("n1"))["extra"]!.AsObject(), Is.Empty);
    }

    [Test]
    public async Task Driver_ThatNoConductorServes_IsNoValidHost400()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client("1.45");
        await client.CreateNode("n1");

        var answer = await client.Patch("/v1/nodes/n1?reset_interfaces=true", "[{\"op\": \"replace\", \"path\": \"/driver\", \"value\": \"idrac\"}]");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Does.StartWith("No valid host was found."));
    }

    [Test]
    public async Task Interface_ChangesForReal_InAnAllowedState()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answer = await client.Patch("/v1/nodes/n1", "[{\"op\": \"replace\", \"path\": \"/deploy_interface\", \"value\": \"direct\"}]");
        var removed = await client.Patch("/v1/nodes/n1", "[{\"op\": \"remove\", \"path\": \"/deploy_interface\"}]");

        Assert.That(answer.Json["deploy_interface"]!.GetValue<string>(), Is.EqualTo("direct"), answer.Body);
        Assert.That(removed.Json["deploy_interface"]!.GetValue<string>(), Is.EqualTo("fake"), removed.Body);
    }

    // firmware_interface (1.86) is no-firmware for every simulated type: another value was
    // answered 200 and kept nothing; Ironic refuses an implementation the type does not support.
    [Test]
    public async Task FirmwareInterface_OtherThanNoFirmware_IsRefused400()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.86");
        await client.CreateNode("n1");

        var answer = await client.Patch("/v1/nodes/n1", "[{\"op\": \"replace\", \"path\": \"/firmware_interface\", \"value\": \"redfish\"}]");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("firmware interface implementation 'redfish' is not supported by hardware type fake-hardware."));
    }

    [Test]
    public async Task Interface_OfAnActiveNode_IsInvalidState409_UnlessInMaintenance()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");
        await Lifecycle.ToActive(client, "n1");
        const string ToAgentRescue = "[{\"op\": \"replace\", \"path\": \"/rescue_interface\", \"value\": \"agent\"}]";

        var refused = await client.Patch("/v1/nodes/n1", ToAgentRescue);
        var removed = await client.Patch("/v1/nodes/n1", "[{\"op\": \"remove\", \"path\": \"/rescue_interface\"}]");
        await Lifecycle.Expect(client.Put("/v1/nodes/n1/maintenance", "{}"));
        var inMaintenance = await client.Patch("/v1/nodes/n1", ToAgentRescue);

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(refused.Fault, Is.EqualTo(
            $"Node {uuid} can not have rescue_interface updated unless it is in one of allowed (enroll, inspecting, inspect wait, " +
            "manageable, available) states or in maintenance mode. Current state is 'active'."));
        Assert.That(removed.Status, Is.EqualTo(HttpStatusCode.Conflict), "a removed interface is stored as None: a change Ironic checks too");
        Assert.That(inMaintenance.Json["rescue_interface"]!.GetValue<string>(), Is.EqualTo("agent"), inMaintenance.Body);
    }

    [Test]
    public async Task Driver_ToFakeHardware_KeepingAnotherTypesInterfaces_IsRefusedAsNotSimulated()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client("1.45");
        await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"n1\", \"driver_info\": {\"ipmi_address\": \"10.0.0.9\"}}");

        var kept = await client.Patch("/v1/nodes/n1", "[{\"op\": \"replace\", \"path\": \"/driver\", \"value\": \"fake-hardware\"}]");
        var reset = await client.Patch("/v1/nodes/n1?reset_interfaces=true", "[{\"op\": \"replace\", \"path\": \"/driver\", \"value\": \"fake-hardware\"}]");

        Assert.That(kept.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(kept.Fault, Does.Contain("which Ironic's fake-hardware would accept"));
        Assert.That(reset.Json["power_interface"]!.GetValue<string>(), Is.EqualTo("fake"), reset.Body);
    }
}
