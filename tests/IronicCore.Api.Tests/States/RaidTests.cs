using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.States;

public sealed class RaidTests
{
    private const string Config = "{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": 100, \"is_root_volume\": true}]}";

    [TestCase(IronicRelease.Master)]
    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Release21_4)]
    public async Task SetTargetRaidConfig_OnFakeRaid_IsStored_ShownInTheNodeAndStates_AndClearedByAnEmptyOne(IronicRelease release)
    {
        using var factory = new SimulatorFactory(release);
        using var client = factory.Client("1.12");
        await client.Post("/v1/nodes", "{\"driver\": \"fake-hardware\"}");
        var uuid = (await client.Get("/v1/nodes")).Json["nodes"]![0]!["uuid"]!.GetValue<string>();

        var set = await client.Put($"/v1/nodes/{uuid}/states/raid", Config);
        var node = await client.Get($"/v1/nodes/{uuid}");
        var states = await client.Get($"/v1/nodes/{uuid}/states");
        var cleared = await client.Put($"/v1/nodes/{uuid}/states/raid", "{}");
        var after = await client.Get($"/v1/nodes/{uuid}");

        Assert.Multiple(() =>
        {
            Assert.That(set.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(node.Json["target_raid_config"]!.ToJsonString(), Is.EqualTo("{\"logical_disks\":[{\"raid_level\":\"1\",\"size_gb\":100,\"is_root_volume\":true}]}"));
            Assert.That(node.Json["raid_config"]!.ToJsonString(), Is.EqualTo("{}"));
            Assert.That(states.Json["target_raid_config"]!["logical_disks"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(cleared.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(after.Json["target_raid_config"]!.ToJsonString(), Is.EqualTo("{}"));
        });
    }

    [TestCase("{\"logical_disks\": []}", "RAID config validation error: [] is too short")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": -1}]}", "RAID config validation error: -1 is less than the minimum of 0")]
    [TestCase("[1]", "Expected types <class 'dict'> for target_raid_config: [1]")]
    public async Task BadConfigs_Are400_AndStoreNothing(string body, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.12");
        await client.Post("/v1/nodes", "{\"driver\": \"fake-hardware\", \"name\": \"n1\"}", version: "1.5");

        var answer = await client.Put("/v1/nodes/n1/states/raid", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
        Assert.That((await client.Node("n1"))["target_raid_config"]!.ToJsonString(), Is.EqualTo("{}"));
    }

    [Test]
    public async Task IpmiNode_HasNoRaid_UnsupportedDriverExtensionAs404_ButAnEmptyConfigIsStored()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();
        await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"b1\"}");

        var set = await client.Put("/v1/nodes/b1/states/raid", Config);
        var empty = await client.Put("/v1/nodes/b1/states/raid", "{}");

        Assert.That(set.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(set.Fault, Is.EqualTo("Driver ipmi does not support raid (disabled or not implemented)."));
        Assert.That(empty.Status, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task SetTargetRaidConfig_Before1_12_IsNotAcceptable()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.11");
        var uuid = (await client.Post("/v1/nodes", "{\"driver\": \"fake-hardware\"}")).Json["uuid"]!.GetValue<string>();

        var answer = await client.Put($"/v1/nodes/{uuid}/states/raid", Config);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
    }

    [TestCase("fake-hardware")]
    [TestCase("ipmi")]
    public async Task LogicalDiskProperties_AreTheBaseRaidInterfacesForFakeAndNoRaid(string driver)
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client("1.12");

        var answer = await client.Get($"/v1/drivers/{driver}/raid/logical_disk_properties");
        var old = await client.Get($"/v1/drivers/{driver}/raid/logical_disk_properties", version: "1.11");
        var unknown = await client.Get("/v1/drivers/idrac/raid/logical_disk_properties");

        Assert.Multiple(() =>
        {
            Assert.That(answer.Json.AsObject().Select(p => p.Key).First(), Is.EqualTo("raid_level"));
            Assert.That(answer.Json.AsObject(), Has.Count.EqualTo(10));
            Assert.That(answer.Json["size_gb"]!.GetValue<string>(), Does.StartWith("Size in GiB (Integer) for the logical disk."));
            Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
            Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }
}
