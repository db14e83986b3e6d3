using System.Collections.Immutable;
using System.Net;
using IronicCore.Drivers;
using IronicCore.Drivers.Ipmi;
using IronicCore.States;

namespace IronicCore.Api.Tests.Nodes;

/// <summary>
/// Vendor passthru on ipmi nodes: Ironic's <c>ipmitool</c> vendor interface
/// (<c>drivers/modules/ipmitool.py</c> <c>VendorPassthru</c>) through
/// <c>NodeVendorPassthruController</c> and the conductor's <c>vendor_passthru</c>: two asynchronous
/// POST methods under the exclusive lock (202, no body, a worker's failure only logged), validation's
/// refusals in the request (400), and <c>no-vendor</c> when the configuration makes it ipmi's default.
/// </summary>
public sealed class IpmitoolVendorPassthruTests
{
    private const string Node = "{\"driver\": \"ipmi\", \"name\": \"b1\", \"driver_info\": {\"ipmi_address\": \"10.0.0.9\"}}";

    private static SimulatedBmc Bmc(SimulatorFactory factory) =>
        factory.Conductor.DriverStates.OfType<IpmiHardware>().Single().GetBmc(factory.Conductor.GetNode("b1").Uuid);

    [TestCase(IronicRelease.Master)]
    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Release21_4)]
    public async Task Methods_AreBmcResetAndSendRaw_Async_Post_UnderTheExclusiveLock(IronicRelease release)
    {
        using var factory = SimulatorFactory.WithIpmi(release);
        using var client = factory.Client();
        await client.Post("/v1/nodes", Node);

        var methods = await client.Get("/v1/nodes/b1/vendor_passthru/methods");

        Assert.That(methods.Body, Is.EqualTo(
            "{\"bmc_reset\":{\"http_methods\":[\"POST\"],\"async\":true,\"description\":\"Reset the BMC. Required argument: 'warm' (Boolean) - for warm (True) or cold (False) reset.\",\"attach\":false,\"require_exclusive_lock\":true}," +
            "\"send_raw\":{\"http_methods\":[\"POST\"],\"async\":true,\"description\":\"Send raw bytes to the BMC. Required argument: 'raw_bytes' - a string of raw bytes (e.g. '0x00 0x01').\",\"attach\":false,\"require_exclusive_lock\":true}}"));
        Assert.That((await client.Node("b1"))["vendor_interface"]!.GetValue<string>(), Is.EqualTo("ipmitool"));
    }

    [Test]
    public async Task SendRaw_Is202WithNoBody_AndTheBmcRunsTheRequest()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();
        await client.Post("/v1/nodes", Node);
        factory.Conductor.GetMachine("b1").SetPowerState(PowerState.PowerOn);

        var answer = await client.Post("/v1/nodes/b1/vendor_passthru?method=send_raw", "{\"raw_bytes\": \"0x00 0x02 0x00\"}");

        Assert.That((answer.Status, answer.Body), Is.EqualTo((HttpStatusCode.Accepted, string.Empty)));
        Assert.That(factory.Conductor.GetMachine("b1").PowerState, Is.EqualTo(PowerState.PowerOff), "Chassis Control 0: power down, behind the conductor's back");
    }

    [Test]
    public async Task BmcReset_Is202_AndTheBmcRestarts()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();
        await client.Post("/v1/nodes", Node);

        var warm = await client.Post("/v1/nodes/b1/vendor_passthru/bmc_reset", "{\"warm\": false}");

        Assert.That((warm.Status, warm.Body), Is.EqualTo((HttpStatusCode.Accepted, string.Empty)));
        Assert.That(Bmc(factory).SystemEventLog.Single(), Does.EndWith(" bmc reset cold"), "warm is read with oslo's bool_from_string");
    }

    [TestCase("{}", "Parameter raw_bytes (string of bytes) was not specified.")]
    [TestCase("{\"raw_bytes\": \"\"}", "Parameter raw_bytes (string of bytes) was not specified.")]
    public async Task SendRaw_WithoutRawBytes_IsMissingParameterValue400(string body, string fault)
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();
        await client.Post("/v1/nodes", Node);

        var answer = await client.Post("/v1/nodes/b1/vendor_passthru/send_raw", body);

        Assert.That((answer.Status, answer.Fault), Is.EqualTo((HttpStatusCode.BadRequest, fault)));
    }

    [Test]
    public async Task Validate_ParsesDriverInfo_WithIpmitoolsWords()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();
        await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"b1\"}");

        var answer = await client.Post("/v1/nodes/b1/vendor_passthru/bmc_reset", "{}");

        Assert.That((answer.Status, answer.Fault), Is.EqualTo((HttpStatusCode.BadRequest, "Missing the following IPMI credentials in node's driver_info: ['ipmi_address'].")));
    }

    [Test]
    public async Task SendRaw_OnAnUnreachableBmc_Is202_TheWorkersIpmiFailureOnlyLogged()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();
        await client.Post("/v1/nodes", Node);
        factory.Conductor.GetMachine("b1").Reachable = false;

        var answer = await client.Post("/v1/nodes/b1/vendor_passthru/send_raw", "{\"raw_bytes\": \"0x00 0x01\"}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await client.Node("b1"))["last_error"], Is.Null);
    }

    [Test]
    public async Task Get_OnAPostMethod_IsRefused_NamingTheHttpMethod()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();
        await client.Post("/v1/nodes", Node);

        var answer = await client.Get("/v1/nodes/b1/vendor_passthru/send_raw");

        Assert.That((answer.Status, answer.Fault), Is.EqualTo((HttpStatusCode.BadRequest, "The method send_raw does not support HTTP GET")));
    }

    [Test]
    public async Task NoVendorAsIpmisConfiguredDefault_HasNoMethods_AndNoHandler()
    {
        using var factory = SimulatorFactory.WithIpmi();
        factory.Conductor.EnableDrivers(new DriverEnablement
        {
            HardwareTypes = ["ipmi"],
            DefaultInterfaces = ImmutableDictionary<string, string>.Empty.Add("vendor", "no-vendor"),
        });
        using var client = factory.Client();
        await client.Post("/v1/nodes", Node);

        var methods = await client.Get("/v1/nodes/b1/vendor_passthru/methods");
        var call = await client.Post("/v1/nodes/b1/vendor_passthru/send_raw", "{\"raw_bytes\": \"0x00 0x01\"}");

        Assert.That(methods.Json.ToJsonString(), Is.EqualTo("{}"));
        Assert.That(call.Fault, Is.EqualTo("No handler for method send_raw"));
        Assert.That((await client.Node("b1"))["vendor_interface"]!.GetValue<string>(), Is.EqualTo("no-vendor"));
    }

    [Test]
    public async Task ANodeAskingForAnotherVendorInterface_IsRefused_SayingWhy()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();

        var answer = await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"b1\", \"vendor_interface\": \"no-vendor\"}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Does.StartWith("The simulated ipmi runs one vendor interface for all its nodes ('ipmitool'"));
    }
}
