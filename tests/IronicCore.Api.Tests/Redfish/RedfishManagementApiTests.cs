using System.Net;
using IronicCore.Drivers.Redfish;
using IronicCore.States;

namespace IronicCore.Api.Tests.Redfish;

/// <summary>
/// The boot mode, secure boot and indicator endpoints with redfish management behind them: the
/// change reaches the BMC and the node's <c>boot_mode</c>/<c>secure_boot</c> (1.75) say so; power
/// verification fills them and <c>properties.vendor</c> in; the indicators are the system's LED.
/// </summary>
public sealed class RedfishManagementApiTests
{
    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Master)]
    public async Task BootModeAndSecureBoot_ReachTheBmc_AndTheNodeSaysSo(IronicRelease release)
    {
        using var factory = RedfishApi.Factory(release, out var redfish);
        using var client = factory.Client("1.76");
        await RedfishApi.CreateNode(client, "r1");

        var secure = await client.Put("/v1/nodes/r1/states/secure_boot", "{\"target\": true}");
        var mode = await client.Put("/v1/nodes/r1/states/boot_mode", "{\"target\": \"bios\"}");
        var node = await client.Node("r1");
        var states = (await client.Get("/v1/nodes/r1/states")).Json;

        Assert.Multiple(() =>
        {
            Assert.That((secure.Status, mode.Status), Is.EqualTo((HttpStatusCode.Accepted, HttpStatusCode.Accepted)));
            Assert.That(node["boot_mode"]!.GetValue<string>(), Is.EqualTo("bios"));
            Assert.That(node["secure_boot"]!.GetValue<bool>(), Is.True);
            Assert.That(node["last_error"], Is.Null);
            Assert.That((states["boot_mode"]!.GetValue<string>(), states["secure_boot"]!.GetValue<bool>()), Is.EqualTo(("bios", true)));
            Assert.That(redfish.GetSystem("r1").BootSourceOverrideMode, Is.EqualTo(RedfishBootSourceOverrideMode.Legacy));
        });
    }

    [Test]
    public async Task SecureBoot_InLegacyBoot_IsAccepted_ThenLastErrorSaysItRequiresUefi()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Master, out _);
        using var client = factory.Client("1.76");
        var uuid = await RedfishApi.CreateNode(client, "r1");
        await client.Put("/v1/nodes/r1/states/boot_mode", "{\"target\": \"bios\"}");

        var answer = await client.Put("/v1/nodes/r1/states/secure_boot", "{\"target\": true}");
        var node = await client.Node("r1");

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(node["last_error"]!.GetValue<string>(), Is.EqualTo(
                $"Failed to change secure_boot state to 'True': Redfish exception occurred. Error: Configuring secure boot requires UEFI for node {uuid}"));
            Assert.That(node["secure_boot"], Is.Null);
        });
    }

    [Test]
    public async Task Verification_FillsInBootModeSecureBootAndVendor()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Release2025_1, out _);
        using var client = factory.Client("1.75");
        await RedfishApi.CreateNode(client, "r1");
        var enrolled = await client.Node("r1");
        await client.Provision("r1", "manage");
        await RedfishApi.Advance(client, 1);
        var verified = await client.Node("r1");

        Assert.Multiple(() =>
        {
            Assert.That(enrolled["boot_mode"], Is.Null);
            Assert.That(enrolled["secure_boot"], Is.Null);
            Assert.That(verified["boot_mode"]!.GetValue<string>(), Is.EqualTo("uefi"));
            Assert.That(verified["secure_boot"]!.GetValue<bool>(), Is.False);
            Assert.That(verified["properties"]!["vendor"]!.GetValue<string>(), Is.EqualTo("Contoso"));
        });
    }

    [Test]
    public async Task BootModeFields_Before1_75_AreNotShown()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Master, out _);
        using var client = factory.Client("1.74");
        await RedfishApi.CreateNode(client, "r1");
        await client.Provision("r1", "manage");
        await RedfishApi.Advance(client, 1);

        var node = (await client.Get("/v1/nodes/r1")).Json.AsObject();

        Assert.That(node.ContainsKey("boot_mode") || node.ContainsKey("secure_boot"), Is.False);
    }

    [Test]
    public async Task Indicators_ListTheSystemsLed_AndSetAndReadIt()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Master, out var redfish);
        using var client = factory.Client("1.63");
        var uuid = await RedfishApi.CreateNode(client, "r1");

        var list = await client.Get("/v1/nodes/r1/management/indicators");
        var set = await client.Put($"/v1/nodes/r1/management/indicators/{uuid}@system", "{\"state\": \"blinking\"}");
        var state = await client.Get($"/v1/nodes/r1/management/indicators/{uuid}@system");

        Assert.Multiple(() =>
        {
            Assert.That(list.Status, Is.EqualTo(HttpStatusCode.OK), list.Body);
            var indicator = list.Json["indicators"]![0]!;
            Assert.That(list.Json["indicators"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(indicator["name"]!.GetValue<string>(), Is.EqualTo($"{uuid}@system"));
            Assert.That(indicator["component"]!.GetValue<string>(), Is.EqualTo("system"));
            Assert.That(indicator["readonly"]!.GetValue<bool>(), Is.False);
            Assert.That(indicator["states"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "blinking", "off", "on" }));
            Assert.That(indicator["links"]![0]!["href"]!.GetValue<string>(), Does.EndWith($"/v1/nodes/r1/management/indicators/{uuid}@system"), "the links name the node as the request did");
            Assert.That(set.Status, Is.EqualTo(HttpStatusCode.NoContent), set.Body);
            Assert.That(state.Json["state"]!.GetValue<string>(), Is.EqualTo("blinking"));
            Assert.That(redfish.GetSystem("r1").IndicatorLed, Is.EqualTo("Blinking"));
        });
    }

    [Test]
    public async Task Indicator_NotTheSystems_IsMissingParameterValue400()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Master, out _);
        using var client = factory.Client("1.63");
        var uuid = await RedfishApi.CreateNode(client, "r1");

        var answer = await client.Get("/v1/nodes/r1/management/indicators/led@chassis");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo($"Unknown indicator led for component chassis of node {uuid}"));
    }

    [Test]
    public async Task Indicators_OfAnUnreachableBmc_AreTheConnectionError500()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Master, out var redfish);
        using var client = factory.Client("1.63");
        var uuid = await RedfishApi.CreateNode(client, "r1");
        await client.Get("/v1/nodes/r1/management/indicators");
        redfish.GetSystem("r1").Machine.Reachable = false;

        var answer = await client.Get("/v1/nodes/r1/management/indicators");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(answer.Fault, Does.StartWith($"Redfish connection failed for node {uuid}: Unable to connect to https://10.1.0.5/redfish/v1/"));
    }
}
