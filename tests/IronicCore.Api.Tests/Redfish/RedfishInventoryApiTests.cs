using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.Redfish;

/// <summary>
/// The node inventory record (1.81) as Ironic's inspection keeps it: redfish out-of-band inspection
/// stores it in 2025.1 and master (<c>store_inspection_data</c>, database backend), 21.4's stores
/// none; a later inspection replaces it, a failed one keeps it, deleting the node deletes it.
/// </summary>
public sealed class RedfishInventoryApiTests
{
    [Test]
    public async Task Master_Inspection_StoresInventoryAndPluginData_ReplacedByTheNext_GoneWithTheNode()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Master, out var redfish);
        using var client = factory.Client("1.81");
        await RedfishApi.CreateNode(client, "r1");
        await client.Provision("r1", "manage");
        await RedfishApi.Advance(client, 60);
        var before = await client.Get("/v1/nodes/r1/inventory");

        await client.Provision("r1", "inspect");

        await RedfishApi.Advance(client, 60);
        var first = await client.Get("/v1/nodes/r1/inventory");
        redfish.GetSystem("r1").Inventory = redfish.GetSystem("r1").Inventory with { DimmsMiB = [16384, 16384] };
        await client.Provision("r1", "inspect");
        await RedfishApi.Advance(client, 60);
        var second = await client.Get("/v1/nodes/r1/inventory");
        redfish.GetSystem("r1").Machine.Reachable = false;
        await client.Provision("r1", "inspect");
        await RedfishApi.Advance(client, 400); // connection retries, then master's clean-up power-off retries
        var failed = await client.Node("r1");
        var kept = await client.Get("/v1/nodes/r1/inventory");
        redfish.GetSystem("r1").Machine.Reachable = true;
        await client.Provision("r1", "manage");
        await RedfishApi.Advance(client, 60);
        var deleted = await client.Delete("/v1/nodes/r1");
        var uuid = await RedfishApi.CreateNode(client, "r1");
        var fresh = await client.Get("/v1/nodes/r1/inventory");

        Assert.Multiple(() =>
        {
            Assert.That(before.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), first.Body);
            var inventory = first.Json["inventory"]!;
            Assert.That(inventory["memory"]!["physical_mb"]!.GetValue<long>(), Is.EqualTo(16384));
            Assert.That(inventory["cpu"]!["count"]!.GetValue<int>(), Is.EqualTo(8));
            Assert.That(inventory["cpu"]!["architecture"]!.GetValue<string>(), Is.EqualTo("x86_64"));
            Assert.That(inventory["interfaces"]!.AsArray().Select(i => i!["mac_address"]!.GetValue<string>()), Is.EqualTo(new[] { "52:54:00:00:00:01", "52:54:00:00:00:02" }));
            Assert.That(inventory["disks"]![0]!["size"]!.GetValue<long>(), Is.EqualTo(100L * 1024 * 1024 * 1024));
            Assert.That(inventory["boot"]!["current_boot_mode"]!.GetValue<string>(), Is.EqualTo("uefi"));
            Assert.That(first.Json["plugin_data"]!.AsObject(), Is.Empty, "master's redfish inspection keeps an empty plugin_data");
            Assert.That(second.Json["inventory"]!["memory"]!["physical_mb"]!.GetValue<long>(), Is.EqualTo(32768), "a later inspection replaces the record");
            Assert.That(failed["provision_state"]!.GetValue<string>(), Is.EqualTo("inspect failed"));
            Assert.That(kept.Json["inventory"]!["memory"]!["physical_mb"]!.GetValue<long>(), Is.EqualTo(32768), "a failed inspection stores nothing");
            Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent), deleted.Body);
            Assert.That(fresh.Status, Is.EqualTo(HttpStatusCode.NotFound), "deleting the node deleted its record: " + uuid);
        });
    }

    [TestCase(IronicRelease.Release2025_1, true)]
    [TestCase(IronicRelease.Release21_4, false)]
    public async Task OlderReleases_2025_1StoresInventoryWithoutPluginData_21_4StoresNone(IronicRelease release, bool stored)
    {
        using var factory = RedfishApi.Factory(release, out _);
        using var client = factory.Client("1.81");
        await RedfishApi.CreateNode(client, "r1");
        await client.Provision("r1", "manage");
        await RedfishApi.Advance(client, 60);
        await client.Provision("r1", "inspect");
        await RedfishApi.Advance(client, 60);

        var answer = await client.Get("/v1/nodes/r1/inventory");

        Assert.That((await client.Node("r1"))["provision_state"]!.GetValue<string>(), Is.EqualTo("manageable"));
        Assert.That(answer.Status, Is.EqualTo(stored ? HttpStatusCode.OK : HttpStatusCode.NotFound), answer.Body);
        if (stored)
        {
            Assert.That(answer.Json["plugin_data"], Is.Null);
            Assert.That(answer.Json["inventory"]!["interfaces"]![0]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "mac_address" }));
        }
    }
}
