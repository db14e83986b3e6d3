using System.Net;

namespace IronicCore.Api.Tests.Drivers;

public sealed class DriverAndConductorTests
{
    [Test]
    public async Task DriverList_HasFakeHardwareOnTheConductor_AndDetailAddsInterfaces()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var list = await client.Get("/v1/drivers");
        var detail = await client.Get("/v1/drivers/?detail=True");
        var one = await client.Get("/v1/drivers/fake-hardware");
        var missing = await client.Get("/v1/drivers/nosuch");

        var driver = list.Json["drivers"]![0]!;
        Assert.That(driver["name"]!.GetValue<string>(), Is.EqualTo("fake-hardware"));
        Assert.That(driver["hosts"]![0]!.GetValue<string>(), Is.EqualTo("sim-conductor"));
        Assert.That(driver["type"]!.GetValue<string>(), Is.EqualTo("dynamic"));
        Assert.That(detail.Json["drivers"]![0]!["default_deploy_interface"]!.GetValue<string>(), Is.EqualTo("fake"));
        Assert.That(one.Json["enabled_rescue_interfaces"]!.AsArray(), Has.Count.EqualTo(3));
        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Fault, Is.EqualTo("Could not find the following driver(s) or hardware type(s): nosuch."));
    }

    [Test]
    public async Task Conductors_From1_49()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var list = await client.Get("/v1/conductors");
        var one = await client.Get("/v1/conductors/sim-conductor");
        var old = await client.Get("/v1/conductors", version: "1.48");

        Assert.That(list.Json["conductors"]![0]!["hostname"]!.GetValue<string>(), Is.EqualTo("sim-conductor"));
        Assert.That(list.Json["conductors"]![0]!["alive"]!.GetValue<bool>(), Is.True);
        Assert.That(one.Json["drivers"]![0]!.GetValue<string>(), Is.EqualTo("fake-hardware"));
        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ChassisAndAllocations_AreEmpty()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        Assert.That((await client.Get("/v1/chassis")).Json["chassis"]!.AsArray(), Is.Empty);
        Assert.That((await client.Get("/v1/allocations")).Json["allocations"]!.AsArray(), Is.Empty);
    }
}
